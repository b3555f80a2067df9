using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Work;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.ToTable("SavedViews");
        b.Property(x => x.Name).HasMaxLength(SavedView.NameMaxLength);
        b.Property(x => x.Filter).HasMaxLength(SavedView.FilterMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OwnerId, x.Name }).IsUnique();
        b.HasIndex(x => x.TeamId);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        // A deleted team's shared views stay with their authors as personal ones.
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DefaultSavedViewConfiguration : IEntityTypeConfiguration<DefaultSavedView>
{
    public void Configure(EntityTypeBuilder<DefaultSavedView> b)
    {
        b.ToTable("DefaultSavedViews");
        b.HasKey(x => x.UserId);
        b.HasIndex(x => x.SavedViewId);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SavedView>().WithMany().HasForeignKey(x => x.SavedViewId).OnDelete(DeleteBehavior.Cascade);
    }
}

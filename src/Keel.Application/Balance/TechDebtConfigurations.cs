using Keel.Application.Platform;
using Keel.Domain.Balance;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Balance;

internal sealed class TechDebtItemConfiguration : IEntityTypeConfiguration<TechDebtItem>
{
    public void Configure(EntityTypeBuilder<TechDebtItem> b)
    {
        b.ToTable("TechDebtItems");
        b.Property(x => x.Number).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(TechDebtItem.TitleMaxLength);
        b.Property(x => x.Description).HasMaxLength(TechDebtItem.DescriptionMaxLength);
        b.Property(x => x.Risk).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => x.Sequence).IsUnique();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.ServiceId, x.Status });
        b.HasIndex(x => x.PayoffChangeId);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ConfigurationItem>().WithMany().HasForeignKey(x => x.ConfigurationItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // The change or initiative that pays the debt off; deleting either leaves the item without it.
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.PayoffChangeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Initiative>().WithMany().HasForeignKey(x => x.PayoffInitiativeId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TechDebtLinkConfiguration : IEntityTypeConfiguration<TechDebtLink>
{
    public void Configure(EntityTypeBuilder<TechDebtLink> b)
    {
        b.ToTable("TechDebtLinks");
        b.HasKey(x => new { x.DebtItemId, x.WorkItemId });
        b.HasIndex(x => x.WorkItemId);
        b.HasOne<TechDebtItem>().WithMany().HasForeignKey(x => x.DebtItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.LinkedById).OnDelete(DeleteBehavior.SetNull);
    }
}

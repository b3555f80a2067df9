using Keel.Application.Platform;
using Keel.Domain.Balance;
using Keel.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Balance;

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.ToTable("Initiatives");
        b.Ignore(x => x.IsOpen);
        b.Property(x => x.Number).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(Initiative.NameMaxLength);
        b.Property(x => x.Description).HasMaxLength(Initiative.TextMaxLength);
        b.Property(x => x.ExpectedOutcome).HasMaxLength(Initiative.TextMaxLength);
        b.Property(x => x.Measure).HasMaxLength(Initiative.NameMaxLength);
        b.Property(x => x.Unit).HasMaxLength(Initiative.UnitMaxLength);
        b.Property(x => x.ReviewNotes).HasMaxLength(Initiative.TextMaxLength);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.Status, x.Number });
        b.HasIndex(x => x.ServiceId);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.ReviewedById).OnDelete(DeleteBehavior.Restrict);
        // No foreign key from WorkItems.InitiativeId (indexed there) on purpose: SQLite adds one only by rebuilding the
        // WorkItems table, which drops the full-text search triggers. The services check that a linked initiative exists.
    }
}

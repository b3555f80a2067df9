using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Keel.Application.Balance;

internal sealed class CapacityTargetConfiguration : IEntityTypeConfiguration<CapacityTarget>
{
    // SQLite cannot compare decimals: shares are stored as tenths of a point (55.5 → 555), which is all the precision they have.
    private static readonly ValueConverter<decimal, int> Tenths = new(v => (int)(v * 10m), v => v / 10m);

    public void Configure(EntityTypeBuilder<CapacityTarget> b)
    {
        b.ToTable("CapacityTargets");
        foreach (var share in new[] { nameof(CapacityTarget.Run), nameof(CapacityTarget.Debt), nameof(CapacityTarget.Grow),
                     nameof(CapacityTarget.Transform), nameof(CapacityTarget.Tolerance) })
        {
            b.Property<decimal>(share).HasConversion(Tenths);
        }
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Shares);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TeamId, x.Period }).IsUnique();
    }
}

internal sealed class DriftNoticeConfiguration : IEntityTypeConfiguration<DriftNotice>
{
    public void Configure(EntityTypeBuilder<DriftNotice> b)
    {
        b.ToTable("BalanceDriftNotices");
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Direction).HasConversion<string>().HasMaxLength(8);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TeamId, x.Category, x.Direction, x.Since }).IsUnique();
    }
}

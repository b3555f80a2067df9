using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Value;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Value;

internal sealed class ServiceDayConfiguration : IEntityTypeConfiguration<ServiceDay>
{
    public void Configure(EntityTypeBuilder<ServiceDay> b)
    {
        b.ToTable("ServiceDays");
        b.HasKey(x => new { x.ServiceId, x.Day });
        // Periods are read for every service at once (the cockpit), so the day leads a second index.
        b.HasIndex(x => x.Day);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceUnitDayConfiguration : IEntityTypeConfiguration<ServiceUnitDay>
{
    public void Configure(EntityTypeBuilder<ServiceUnitDay> b)
    {
        b.ToTable("ServiceUnitDays");
        b.HasKey(x => new { x.ServiceId, x.Day, x.BusinessUnitId });
        b.HasIndex(x => x.Day);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BusinessUnit>().WithMany().HasForeignKey(x => x.BusinessUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RollupMarkConfiguration : IEntityTypeConfiguration<RollupMark>
{
    public void Configure(EntityTypeBuilder<RollupMark> b)
    {
        b.ToTable("RollupMarks");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(64);
    }
}

using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Platform.Jobs;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.ToTable("Jobs");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Type).HasMaxLength(Job.MaxTypeLength);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.LeaseOwner).HasMaxLength(Job.MaxLeaseOwnerLength);
        b.Property(x => x.LastError).HasMaxLength(Job.MaxErrorLength);
        b.Property(x => x.DedupeKey).HasMaxLength(Job.MaxDedupeKeyLength);

        // Claiming looks for queued jobs that are due and running jobs whose lease ran out.
        b.HasIndex(x => new { x.State, x.RunAt });
        b.HasIndex(x => new { x.State, x.LeaseExpiresAt });
        // The admin list pages by creation time.
        b.HasIndex(x => new { x.CreatedAt, x.Id });
        // Unique where set (both providers let several NULLs through a unique index).
        b.HasIndex(x => x.DedupeKey).IsUnique();
    }
}

internal sealed class RecurringJobConfiguration : IEntityTypeConfiguration<RecurringJob>
{
    public void Configure(EntityTypeBuilder<RecurringJob> b)
    {
        b.ToTable("RecurringJobs");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(RecurringJob.MaxNameLength);
        b.Property(x => x.JobType).HasMaxLength(Job.MaxTypeLength);
        b.Property(x => x.Schedule).HasMaxLength(RecurringJob.MaxScheduleLength);
    }
}

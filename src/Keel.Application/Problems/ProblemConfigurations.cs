using Keel.Application.Platform;
using Keel.Domain.Problems;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Problems;

internal sealed class ProblemRecordConfiguration : IEntityTypeConfiguration<ProblemRecord>
{
    public void Configure(EntityTypeBuilder<ProblemRecord> b)
    {
        b.ToTable("Problems");
        b.HasKey(x => x.WorkItemId);
        b.HasOne<WorkItem>().WithOne().HasForeignKey<ProblemRecord>(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ProblemCandidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.RootCause).HasMaxLength(ProblemRecord.TextMaxLength);
        b.Property(x => x.Workaround).HasMaxLength(ProblemRecord.TextMaxLength);
        b.Ignore(x => x.HasWorkaround);
    }
}

internal sealed class ProblemCandidateConfiguration : IEntityTypeConfiguration<ProblemCandidate>
{
    public void Configure(EntityTypeBuilder<ProblemCandidate> b)
    {
        b.ToTable("ProblemCandidates");
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Key).HasMaxLength(ProblemCandidate.KeyMaxLength);
        b.Property(x => x.Category).HasMaxLength(WorkItem.CategoryMaxLength);
        b.Property(x => x.DismissReason).HasMaxLength(WorkItem.NoteMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConfigurationItem>().WithMany().HasForeignKey(x => x.ConfigurationItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Incidents).WithOne().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.State, x.CreatedAt });
        // The database keeps the job's promise too: at most one open candidate per group, even with two nodes racing.
        b.HasIndex(x => new { x.Group, x.Key }).IsUnique().HasFilter("\"State\" = 'Open'").HasDatabaseName("IX_ProblemCandidates_OpenGroup");
    }
}

internal sealed class ProblemCandidateIncidentConfiguration : IEntityTypeConfiguration<ProblemCandidateIncident>
{
    public void Configure(EntityTypeBuilder<ProblemCandidateIncident> b)
    {
        b.ToTable("ProblemCandidateIncidents");
        b.HasKey(x => new { x.CandidateId, x.WorkItemId });
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.WorkItemId);
    }
}

internal sealed class ProblemSettingsConfiguration : IEntityTypeConfiguration<ProblemSettings>
{
    public void Configure(EntityTypeBuilder<ProblemSettings> b)
    {
        b.ToTable("ProblemSettings");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Window);
    }
}

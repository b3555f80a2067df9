using Keel.Domain.Changes;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Changes;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        b.ToTable("Changes");
        b.HasKey(x => x.WorkItemId);
        b.HasOne<WorkItem>().WithOne().HasForeignKey<ChangeRecord>(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChangeTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(ChangeRecord.PlanMaxLength);
        b.Property(x => x.ImplementationPlan).HasMaxLength(ChangeRecord.PlanMaxLength);
        b.Property(x => x.BackoutPlan).HasMaxLength(ChangeRecord.PlanMaxLength);
        b.Property(x => x.TestPlan).HasMaxLength(ChangeRecord.PlanMaxLength);
        b.Property(x => x.Risk).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.RiskAnswers).HasMaxLength(4000);
        b.Property(x => x.RiskExplanation).HasMaxLength(8000);
        b.Property(x => x.Authority).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.FreezeOverride).HasMaxLength(WorkItem.NoteMaxLength);
        b.Property(x => x.ReviewOutcome).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ReviewNote).HasMaxLength(WorkItem.NoteMaxLength);
        b.HasIndex(x => new { x.PlannedStart, x.PlannedEnd });
    }
}

internal sealed class ChangeTargetConfiguration : IEntityTypeConfiguration<ChangeTarget>
{
    public void Configure(EntityTypeBuilder<ChangeTarget> b)
    {
        b.ToTable("ChangeTargets");
        b.HasOne<ChangeRecord>().WithMany().HasForeignKey(x => x.ChangeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConfigurationItem>().WithMany().HasForeignKey(x => x.ConfigurationItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ChangeId);
        b.HasIndex(x => x.ConfigurationItemId);
        b.HasIndex(x => x.ServiceId);
    }
}

internal sealed class ChangeTemplateConfiguration : IEntityTypeConfiguration<ChangeTemplate>
{
    public void Configure(EntityTypeBuilder<ChangeTemplate> b)
    {
        b.ToTable("ChangeTemplates");
        b.Property(x => x.Name).HasMaxLength(ChangeTemplate.NameMaxLength);
        b.Property(x => x.Description).HasMaxLength(ChangeRecord.PlanMaxLength);
        b.Property(x => x.ImplementationPlan).HasMaxLength(ChangeRecord.PlanMaxLength);
        b.Property(x => x.BackoutPlan).HasMaxLength(ChangeRecord.PlanMaxLength);
        b.Property(x => x.TestPlan).HasMaxLength(ChangeRecord.PlanMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Name).IsUnique();
    }
}

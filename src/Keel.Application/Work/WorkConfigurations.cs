using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Work;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.ToTable("WorkItems");
        b.Ignore(x => x.Workflow);
        b.Ignore(x => x.IsOpen);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Number).HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(WorkItem.TitleMaxLength);
        b.Property(x => x.Description).HasMaxLength(WorkItem.DescriptionMaxLength);
        b.Property(x => x.Category).HasMaxLength(WorkItem.CategoryMaxLength);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.HoldReason).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ResolutionCode).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ResolutionNote).HasMaxLength(WorkItem.NoteMaxLength);
        b.Property(x => x.InvestmentCategory).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ValueChainActivity).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.ExternalNumber).HasMaxLength(64);
        b.Property(x => x.SlaStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.Kind, x.State, x.UpdatedAt });
        // The value rollup's five-minute catch-up asks for every item changed since its mark, of any kind and state.
        b.HasIndex(x => x.UpdatedAt);
        b.HasIndex(x => new { x.Kind, x.CreatedAt });
        b.HasIndex(x => new { x.TeamId, x.State });
        b.HasIndex(x => new { x.AssigneeId, x.State });
        b.HasIndex(x => new { x.RequesterId, x.CreatedAt });
        b.HasIndex(x => new { x.ServiceId, x.CreatedAt });
        b.HasIndex(x => x.ConfigurationItemId);
        b.HasIndex(x => x.ParentId);
        b.HasIndex(x => x.InitiativeId);
        b.HasIndex(x => new { x.Kind, x.ExternalNumber });
        b.HasIndex(x => new { x.SlaStatus, x.SlaDueAt });
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ConfigurationItem>().WithMany().HasForeignKey(x => x.ConfigurationItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.RequesterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.RequestedForId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CatalogItem>().WithMany().HasForeignKey(x => x.CatalogItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.WorkItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkEventConfiguration : IEntityTypeConfiguration<WorkEvent>
{
    public void Configure(EntityTypeBuilder<WorkEvent> b)
    {
        b.ToTable("WorkEvents");
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Field).HasMaxLength(32);
        b.Property(x => x.From).HasMaxLength(WorkEvent.ValueMaxLength);
        b.Property(x => x.To).HasMaxLength(WorkEvent.ValueMaxLength);
        b.Property(x => x.Detail).HasMaxLength(WorkItem.NoteMaxLength);
        b.HasIndex(x => new { x.WorkItemId, x.Id });
        b.HasIndex(x => new { x.Field, x.To, x.At });
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkCommentConfiguration : IEntityTypeConfiguration<WorkComment>
{
    public void Configure(EntityTypeBuilder<WorkComment> b)
    {
        b.ToTable("WorkComments");
        b.Property(x => x.Body).HasMaxLength(WorkComment.BodyMaxLength);
        b.HasIndex(x => new { x.WorkItemId, x.CreatedAt });
        // The value rollup's catch-up: comments written since its mark.
        b.HasIndex(x => x.CreatedAt);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkLogConfiguration : IEntityTypeConfiguration<WorkLog>
{
    public void Configure(EntityTypeBuilder<WorkLog> b)
    {
        b.ToTable("WorkLogs");
        b.Property(x => x.Note).HasMaxLength(WorkItem.NoteMaxLength);
        b.HasIndex(x => new { x.WorkItemId, x.Date });
        b.HasIndex(x => new { x.PersonId, x.Date });
        b.HasIndex(x => x.Date);
        // The value rollup's catch-up: time logged since its mark (for any date).
        b.HasIndex(x => x.CreatedAt);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkLinkConfiguration : IEntityTypeConfiguration<WorkLink>
{
    public void Configure(EntityTypeBuilder<WorkLink> b)
    {
        b.ToTable("WorkLinks");
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.FromId, x.ToId, x.Type }).IsUnique();
        b.HasIndex(x => x.ToId);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.FromId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.ToId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkAttachmentConfiguration : IEntityTypeConfiguration<WorkAttachment>
{
    public void Configure(EntityTypeBuilder<WorkAttachment> b)
    {
        b.ToTable("WorkAttachments");
        b.Property(x => x.FileName).HasMaxLength(WorkAttachment.FileNameMaxLength);
        b.Property(x => x.ContentType).HasMaxLength(128);
        b.HasIndex(x => x.WorkItemId);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> b)
    {
        b.ToTable("Approvals");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(WorkItem.NoteMaxLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.ApproverId, x.State });
        b.HasIndex(x => x.WorkItemId);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.ApproverId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssignmentRuleConfiguration : IEntityTypeConfiguration<AssignmentRule>
{
    public void Configure(EntityTypeBuilder<AssignmentRule> b)
    {
        b.ToTable("AssignmentRules");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Category).HasMaxLength(AssignmentRule.CategoryMaxLength);
        b.Property(x => x.Strategy).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Order);
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ConfigurationItem>().WithMany().HasForeignKey(x => x.ConfigurationItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkSettingsConfiguration : IEntityTypeConfiguration<WorkSettings>
{
    public void Configure(EntityTypeBuilder<WorkSettings> b)
    {
        b.ToTable("WorkSettings");
        b.Property(x => x.Matrix).HasJsonConversion().HasColumnName("PriorityMatrixJson");
        b.Property(x => x.ReopenWindow).HasConversion(v => (long)v.TotalMinutes, v => TimeSpan.FromMinutes(v)).HasColumnName("ReopenWindowMinutes");
        b.Property(x => x.AutoCloseAfter).HasConversion(v => (long)v.TotalMinutes, v => TimeSpan.FromMinutes(v)).HasColumnName("AutoCloseAfterMinutes");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Team>().WithMany().HasForeignKey(x => x.DefaultIncidentTeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkFollowerConfiguration : IEntityTypeConfiguration<WorkFollower>
{
    public void Configure(EntityTypeBuilder<WorkFollower> b)
    {
        b.ToTable("WorkFollowers");
        b.HasKey(x => new { x.WorkItemId, x.PersonId });
        b.HasIndex(x => x.PersonId);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The last number given out per kind of work; see <see cref="WorkNumbers"/>.</summary>
public sealed class WorkCounter
{
    public WorkKind Kind { get; set; }
    public long Last { get; set; }
}

internal sealed class WorkCounterConfiguration : IEntityTypeConfiguration<WorkCounter>
{
    public void Configure(EntityTypeBuilder<WorkCounter> b)
    {
        b.ToTable("WorkCounters");
        b.HasKey(x => x.Kind);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class WorkStakeholderConfiguration : IEntityTypeConfiguration<WorkStakeholder>
{
    public void Configure(EntityTypeBuilder<WorkStakeholder> b)
    {
        b.ToTable("WorkStakeholders");
        b.HasKey(x => new { x.WorkItemId, x.PersonId });
        b.HasIndex(x => x.PersonId);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.AddedById).OnDelete(DeleteBehavior.SetNull);
    }
}

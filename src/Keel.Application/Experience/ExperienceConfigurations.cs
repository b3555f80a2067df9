using Keel.Application.Platform;
using Keel.Domain.Experience;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Experience;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("Surveys");
        b.Property(x => x.Token).HasMaxLength(Survey.TokenLength);
        b.Property(x => x.Comment).HasMaxLength(Survey.CommentMaxLength);
        b.HasIndex(x => x.Token).IsUnique();
        b.HasIndex(x => x.WorkItemId).IsUnique();
        b.HasIndex(x => new { x.RecipientId, x.RespondedAt });
        b.HasIndex(x => x.SentAt);
        b.HasIndex(x => x.RespondedAt);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExperienceWeightsConfiguration : IEntityTypeConfiguration<ExperienceWeights>
{
    public void Configure(EntityTypeBuilder<ExperienceWeights> b)
    {
        b.ToTable("ExperienceWeights");
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Total);
    }
}

using Keel.Application.Platform;
using Keel.Domain.Knowledge;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Knowledge;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.ToTable("KnowledgeArticles");
        b.Property(x => x.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
        b.Property(x => x.Summary).HasMaxLength(KnowledgeArticle.SummaryMaxLength);
        b.Property(x => x.Body).HasMaxLength(KnowledgeArticle.BodyMaxLength);
        b.Property(x => x.Tags).HasMaxLength(KnowledgeArticle.TagsMaxLength);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsReadable);
        // A known error is a problem work item; deleting it leaves the article without the link.
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.KnownErrorId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.State, x.Title });
        b.HasIndex(x => x.UpdatedAt);
        b.HasIndex(x => x.KnownErrorId);
    }
}

internal sealed class KnowledgeVersionConfiguration : IEntityTypeConfiguration<KnowledgeVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeVersion> b)
    {
        b.ToTable("KnowledgeVersions");
        b.Property(x => x.Title).HasMaxLength(KnowledgeArticle.TitleMaxLength);
        b.Property(x => x.Summary).HasMaxLength(KnowledgeArticle.SummaryMaxLength);
        b.Property(x => x.Body).HasMaxLength(KnowledgeArticle.BodyMaxLength);
        b.Property(x => x.Tags).HasMaxLength(KnowledgeArticle.TagsMaxLength);
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ArticleId, x.Number }).IsUnique();
    }
}

internal sealed class KnowledgeArticleServiceConfiguration : IEntityTypeConfiguration<KnowledgeArticleService>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticleService> b)
    {
        b.ToTable("KnowledgeArticleServices");
        b.HasKey(x => new { x.ArticleId, x.ServiceId });
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ServiceId);
    }
}

internal sealed class KnowledgeFeedbackConfiguration : IEntityTypeConfiguration<KnowledgeFeedback>
{
    public void Configure(EntityTypeBuilder<KnowledgeFeedback> b)
    {
        b.ToTable("KnowledgeFeedback");
        b.Property(x => x.Comment).HasMaxLength(KnowledgeFeedback.CommentMaxLength);
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        // The database keeps "one vote per person per version" even when two votes race.
        b.HasIndex(x => new { x.ArticleId, x.VersionNumber, x.UserId }).IsUnique();
    }
}

internal sealed class KnowledgeViewConfiguration : IEntityTypeConfiguration<KnowledgeView>
{
    public void Configure(EntityTypeBuilder<KnowledgeView> b)
    {
        b.ToTable("KnowledgeViews");
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.ArticleId);
        b.HasIndex(x => x.SessionId);
    }
}

internal sealed class KnowledgeSessionConfiguration : IEntityTypeConfiguration<KnowledgeSession>
{
    public void Configure(EntityTypeBuilder<KnowledgeSession> b)
    {
        b.ToTable("KnowledgeSessions");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Ignore(x => x.IsOpen);
        b.HasOne<KeelUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(x => x.LastArticleId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(x => x.SolvedArticleId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.LastArticleId);
        b.HasIndex(x => x.SolvedArticleId);
    }
}

/// <summary>One row of a full-text search: a matching article and its rank (higher is better).</summary>
public sealed class KnowledgeSearchHit
{
    public Guid ArticleId { get; set; }
    public double Rank { get; set; }
}

internal sealed class KnowledgeSearchHitConfiguration : IEntityTypeConfiguration<KnowledgeSearchHit>
{
    public void Configure(EntityTypeBuilder<KnowledgeSearchHit> b) => b.HasNoKey().ToView(null);
}

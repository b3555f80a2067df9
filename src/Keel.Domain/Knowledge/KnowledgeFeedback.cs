namespace Keel.Domain.Knowledge;

/// <summary>"Was this helpful?": one vote per person per published version (a second vote replaces the first).</summary>
public sealed class KnowledgeFeedback
{
    public const int CommentMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ArticleId { get; set; }
    public int VersionNumber { get; set; }
    public Guid UserId { get; set; }
    public bool Helpful { get; set; }

    /// <summary>Why; read only by IT staff.</summary>
    public string? Comment { get; set; }

    public DateTime At { get; set; }
}

/// <summary>Someone opened an article; from the portal's raise form the view carries that form's session.</summary>
public sealed class KnowledgeView
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ArticleId { get; set; }
    public Guid? UserId { get; set; }
    public Guid? SessionId { get; set; }
    public DateTime At { get; set; }
}

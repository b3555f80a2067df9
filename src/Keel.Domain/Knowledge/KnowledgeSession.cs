namespace Keel.Domain.Knowledge;

/// <summary>
/// One visit of a requester to the portal's "report a problem" form in which they opened a suggested article.
/// Deflection (the incident not raised thanks to an article) is counted for one article per session:
/// <list type="bullet">
/// <item>the article the requester marked with "This solved it", at once; or</item>
/// <item>otherwise the last article opened, once <see cref="AbandonAfter"/> has passed since that view without an
/// incident raised from the form (the requester left, or stayed away that long).</item>
/// </list>
/// Raising the incident from the form ends the session without a deflection, even after "This solved it".
/// </summary>
public sealed class KnowledgeSession
{
    public static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(30);

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTime StartedAt { get; set; }
    public Guid? LastArticleId { get; set; }
    public DateTime? LastViewAt { get; set; }
    public Guid? SolvedArticleId { get; set; }
    public DateTime? SolvedAt { get; set; }
    public Guid? IncidentId { get; set; }
    public DateTime? RaisedAt { get; set; }

    public bool IsOpen => IncidentId is null && SolvedArticleId is null;

    public void Viewed(Guid articleId, DateTime now)
    {
        if (IsOpen)
        {
            LastArticleId = articleId;
            LastViewAt = now;
        }
    }

    public void Solved(Guid articleId, DateTime now)
    {
        if (IsOpen)
        {
            SolvedArticleId = articleId;
            SolvedAt = now;
        }
    }

    public void Raised(Guid incidentId, DateTime now)
    {
        IncidentId = incidentId;
        RaisedAt = now;
    }

    /// <summary>The article this session counts as a deflection for at <paramref name="now"/>, if any.</summary>
    public Guid? DeflectedBy(DateTime now) =>
        IncidentId is not null ? null
        : SolvedArticleId ?? (LastViewAt is { } seen && seen <= now - AbandonAfter ? LastArticleId : null);
}

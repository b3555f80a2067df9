using Keel.Domain.Problems;

namespace Keel.Domain.Knowledge;

/// <summary>
/// How a known error reads in the knowledge base: the symptom as the problem's title, the workaround first (that is what
/// agents and requesters need), the root cause when it is known, and the problem's number to follow.
/// </summary>
public static class KnownErrorArticle
{
    public const string Tag = "known error";

    public static string TitleOf(KnownErrorContent content) =>
        Clip($"Known error: {content.Title}", KnowledgeArticle.TitleMaxLength);

    /// <summary>The workaround's first line, as the article's summary in lists and suggestions.</summary>
    public static string SummaryOf(KnownErrorContent content) =>
        Clip(content.Workaround.Trim().Split('\n', 2)[0].Trim(), KnowledgeArticle.SummaryMaxLength);

    /// <summary>Markdown; the problem's own text goes in as written (the article is sanitized when rendered).</summary>
    public static string BodyOf(KnownErrorContent content)
    {
        var body = $"## Workaround\n\n{content.Workaround.Trim()}\n\n";
        if (!string.IsNullOrWhiteSpace(content.RootCause))
        {
            body += $"## Root cause\n\n{content.RootCause.Trim()}\n\n";
        }
        body += $"## Status\n\nThis is a known error, tracked as problem {content.Number}. The workaround applies until the problem is resolved.";
        return Clip(body, KnowledgeArticle.BodyMaxLength);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

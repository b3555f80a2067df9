namespace Keel.Domain.Knowledge;

/// <summary>Tags as one comma-separated text: trimmed, lower case, each once, in the order first given.</summary>
public static class KnowledgeTags
{
    public const int MaxTagLength = 40;

    public static string Normalize(IEnumerable<string>? tags) =>
        string.Join(", ", (tags ?? []).SelectMany(t => t.Split(',')).Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));

    public static IReadOnlyList<string> Split(string? tags) =>
        (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

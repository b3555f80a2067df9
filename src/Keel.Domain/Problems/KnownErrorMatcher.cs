namespace Keel.Domain.Problems;

/// <summary>What the matcher knows of an incident or a known error: where it happens and what it says.</summary>
public sealed record MatchSubject(Guid Id, Guid ServiceId, Guid? ConfigurationItemId, string Title, string? Description);

/// <summary>A known error offered for an incident, with why: its text similarity and whether the CI is the same.</summary>
public sealed record KnownErrorMatch(Guid ProblemId, double Similarity, bool SameConfigurationItem, bool SameService);

/// <summary>
/// Which known errors to suggest on an incident: those of the same service or the same configuration item, ranked by
/// the text similarity of their titles and descriptions (<see cref="TextSimilarity"/>). A known error on
/// the same CI is shown even when the words differ; one that only shares the service needs some words in common.
/// </summary>
public static class KnownErrorMatcher
{
    public const int DefaultLimit = 5;

    /// <summary>The weight of the same CI in the ranking: it beats a handful of shared words, not a near-identical text.</summary>
    public const double SameCiBonus = 0.15;

    public static IReadOnlyList<KnownErrorMatch> Rank(MatchSubject incident, IEnumerable<MatchSubject> knownErrors, int limit = DefaultLimit)
    {
        var words = WordsOf(incident);
        var matches = new List<(KnownErrorMatch Match, double Score)>();
        foreach (var known in knownErrors)
        {
            var sameCi = incident.ConfigurationItemId is { } ci && known.ConfigurationItemId == ci;
            var sameService = known.ServiceId == incident.ServiceId;
            if (!sameCi && !sameService)
            {
                continue;
            }
            var similarity = Math.Round(TextSimilarity.Of(words, WordsOf(known)), 4);
            if (!sameCi && similarity <= 0)
            {
                continue;
            }
            matches.Add((new KnownErrorMatch(known.Id, similarity, sameCi, sameService), similarity + (sameCi ? SameCiBonus : 0)));
        }
        return matches.OrderByDescending(m => m.Score).ThenBy(m => m.Match.ProblemId).Take(limit).Select(m => m.Match).ToList();
    }

    private static IReadOnlySet<string> WordsOf(MatchSubject subject) => TextSimilarity.Words($"{subject.Title}\n{subject.Description}");
}

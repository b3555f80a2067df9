namespace Keel.Domain.Problems;

/// <summary>An incident the detector may group: raised recently, not cancelled, not a duplicate, not linked to a problem yet.</summary>
public sealed record CandidateIncident(Guid Id, Guid ServiceId, Guid? ConfigurationItemId, string? Category, DateTime CreatedAt);

/// <summary>A candidate already stored, as far as the detector needs it.</summary>
public sealed record KnownCandidate(Guid Id, CandidateGroup Group, string Key, CandidateState State, DateTime? DecidedAt, IReadOnlyCollection<Guid> IncidentIds);

/// <summary>
/// A group worth a problem: new, or (when <see cref="OpenCandidateId"/> is set) the refreshed incidents of the group's
/// open candidate.
/// </summary>
public sealed record CandidateProposal(
    CandidateGroup Group, string Key, Guid ServiceId, Guid? ConfigurationItemId, string? Category,
    IReadOnlyList<Guid> IncidentIds, DateTime FirstIncidentAt, DateTime LastIncidentAt, Guid? OpenCandidateId);

/// <summary>
/// Finds problem candidates: N or more incidents with the same configuration item, category or service raised within
/// the window that ends now. One open candidate per group: a group that already has one only refreshes its incidents.
/// A dismissed group comes back only with N incidents raised after the dismissal, and the incidents of a dismissed
/// candidate count for no other group. The most specific group wins: a
/// category or service group whose incidents are all in a CI (or category) group proposed in the same run is left out.
/// </summary>
public static class CandidateDetector
{
    public static IReadOnlyList<CandidateProposal> Detect(
        IReadOnlyList<CandidateIncident> incidents, IReadOnlyList<KnownCandidate> known, ProblemSettings settings, DateTime now)
    {
        var since = now - settings.Window;
        var recent = incidents.Where(i => i.CreatedAt > since && i.CreatedAt <= now).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToList();
        var proposals = new List<CandidateProposal>();
        var covered = new HashSet<Guid>();
        // A problem manager already judged these together: they do not make a candidate of another group either.
        var dismissed = known.Where(c => c.State == CandidateState.Dismissed).SelectMany(c => c.IncidentIds).ToHashSet();
        foreach (var group in Enum.GetValues<CandidateGroup>())
        {
            var coveredBefore = covered.ToHashSet();
            foreach (var members in recent.GroupBy(i => KeyOf(group, i)).Where(g => g.Key is not null).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var key = members.Key!;
                var sameGroup = known.Where(c => c.Group == group && c.Key == key).ToList();
                var dismissedAt = sameGroup.Where(c => c.State == CandidateState.Dismissed).Max(c => c.DecidedAt);
                var fresh = members.Where(i => (dismissedAt is null || i.CreatedAt > dismissedAt) && !dismissed.Contains(i.Id)).ToList();
                if (fresh.Count < settings.CandidateThreshold || fresh.All(i => coveredBefore.Contains(i.Id)))
                {
                    continue;
                }
                var open = sameGroup.FirstOrDefault(c => c.State == CandidateState.Open);
                var ids = (open?.IncidentIds ?? []).Concat(fresh.Select(i => i.Id)).Distinct().ToList();
                proposals.Add(new CandidateProposal(
                    group, key, ServiceOf(fresh), group == CandidateGroup.ConfigurationItem ? fresh[0].ConfigurationItemId : null,
                    group == CandidateGroup.Category ? fresh[0].Category!.Trim() : null,
                    ids, fresh[0].CreatedAt, fresh[^1].CreatedAt, open?.Id));
                covered.UnionWith(fresh.Select(i => i.Id));
            }
        }
        return proposals;
    }

    /// <summary>The value the incidents of a group share, as stored in <see cref="ProblemCandidate.Key"/>; null when the incident has none.</summary>
    public static string? KeyOf(CandidateGroup group, CandidateIncident incident) => group switch
    {
        CandidateGroup.ConfigurationItem => incident.ConfigurationItemId?.ToString("N"),
        CandidateGroup.Category => string.IsNullOrWhiteSpace(incident.Category) ? null : incident.Category.Trim().ToLowerInvariant(),
        CandidateGroup.Service => incident.ServiceId.ToString("N"),
    };

    /// <summary>The service the problem would be raised against: the group's own, or the one most of its incidents are on.</summary>
    private static Guid ServiceOf(IReadOnlyList<CandidateIncident> incidents) =>
        incidents.GroupBy(i => i.ServiceId).OrderByDescending(g => g.Count()).ThenBy(g => incidents.ToList().FindIndex(i => i.ServiceId == g.Key)).First().Key;
}

using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Problems;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Problems;

/// <summary>A known error offered on an incident: its workaround, how alike the texts are, and whether it is already linked.</summary>
public sealed record KnownErrorSuggestion(
    string Number, string Title, WorkState State, string Workaround, double Similarity, bool SameConfigurationItem, bool SameService, bool Linked);

/// <summary>
/// Suggests known errors to the agent working an incident: problems that are known errors (or resolved with a
/// workaround) on the same service or CI, ranked by <see cref="KnownErrorMatcher"/>.
/// </summary>
public sealed class KnownErrorService(KeelDb db, ICurrentUser user, WorkItemService work)
{
    /// <summary>How many known errors of the incident's service and CI are ranked (the most recently updated).</summary>
    public const int Considered = 500;

    public const int MaxLimit = 20;

    public async Task<Result<IReadOnlyList<KnownErrorSuggestion>>> ForIncidentAsync(string number, int? limit, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Known errors are suggested to IT staff working an incident.");
        }
        if (limit is < 1 or > MaxLimit)
        {
            return Error.Validation("limit", $"must be between 1 and {MaxLimit}.");
        }
        if (await work.FindAsync(WorkKind.Incident, number, tracked: false, ct) is not { } incident)
        {
            return Error.NotFound("The incident");
        }
        var ci = incident.ConfigurationItemId;
        var known = await db.Set<WorkItem>()
            .Where(p => p.Kind == WorkKind.Problem && (p.ServiceId == incident.ServiceId || (ci != null && p.ConfigurationItemId == ci)))
            .Join(db.Set<ProblemRecord>(), p => p.Id, r => r.WorkItemId, (p, r) => new { Problem = p, r.Workaround })
            .Where(x => x.Problem.State == WorkState.KnownError || (x.Problem.State == WorkState.Resolved && x.Workaround != null && x.Workaround != ""))
            .OrderByDescending(x => x.Problem.UpdatedAt).Take(Considered)
            .Select(x => new { x.Problem.Id, x.Problem.Number, x.Problem.Title, x.Problem.Description, x.Problem.State, x.Problem.ServiceId, x.Problem.ConfigurationItemId, x.Workaround })
            .ToListAsync(ct);
        var withWorkaround = known.Where(k => ProblemRecord.IsSuggested(k.State, !string.IsNullOrWhiteSpace(k.Workaround))).ToDictionary(k => k.Id);
        var matches = KnownErrorMatcher.Rank(
            new MatchSubject(incident.Id, incident.ServiceId, ci, incident.Title, incident.Description),
            withWorkaround.Values.Select(k => new MatchSubject(k.Id, k.ServiceId, k.ConfigurationItemId, k.Title, k.Description)),
            limit ?? KnownErrorMatcher.DefaultLimit);
        var ids = matches.Select(m => m.ProblemId).ToList();
        var linked = await db.Set<WorkLink>().Where(l => l.FromId == incident.Id && l.Type == WorkLinkType.CausedBy && ids.Contains(l.ToId))
            .Select(l => l.ToId).ToListAsync(ct);
        return matches.Select(m =>
        {
            var k = withWorkaround[m.ProblemId];
            return new KnownErrorSuggestion(k.Number, k.Title, k.State, k.Workaround ?? "", m.Similarity, m.SameConfigurationItem, m.SameService, linked.Contains(k.Id));
        }).ToList();
    }
}

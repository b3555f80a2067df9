using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Services;
using Keel.Domain.Changes;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

/// <summary>
/// Sets a change's targets (the CIs and services named, plus the services impact analysis says those CIs affect) and
/// assesses its risk from them, the questionnaire, and the failure history of changes on the same CIs and by the same team.
/// </summary>
public sealed class ChangeAssessor(KeelDb db, ImpactGraphCache cache)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Replaces the targets; the change's own service is always one of them. Returns the new list (tracked, unsaved).</summary>
    public async Task<List<ChangeTarget>> SetTargetsAsync(ChangeRecord change, Guid mainServiceId, IReadOnlyList<Guid> ciIds, IReadOnlyList<Guid> serviceIds, CancellationToken ct)
    {
        db.Set<ChangeTarget>().RemoveRange(await db.Set<ChangeTarget>().Where(t => t.ChangeId == change.WorkItemId).ToListAsync(ct));
        var targets = ciIds.Distinct().Select(ci => new ChangeTarget { ChangeId = change.WorkItemId, ConfigurationItemId = ci }).ToList();
        var named = serviceIds.Append(mainServiceId).Distinct().ToList();
        targets.AddRange(named.Select(s => new ChangeTarget { ChangeId = change.WorkItemId, ServiceId = s }));
        if (ciIds.Count > 0)
        {
            var snapshot = await cache.GetAsync(db, ct);
            var impacted = ciIds.Distinct().SelectMany(ci => ImpactAnalyzer.Analyze(snapshot.Graph, ci).Services.Select(s => s.ServiceId))
                .Distinct().Where(s => !named.Contains(s));
            targets.AddRange(impacted.Select(s => new ChangeTarget { ChangeId = change.WorkItemId, ServiceId = s, FromImpact = true }));
        }
        db.AddRange(targets);
        return targets;
    }

    /// <summary>Scores the change (the targets given, not yet saved) and writes level, score and explanation on it; a new level is a history line.</summary>
    public async Task AssessAsync(WorkItem item, ChangeRecord change, IReadOnlyList<ChangeTarget> targets, Guid? actorId, DateTime now, CancellationToken ct)
    {
        var cis = targets.Where(t => t.ConfigurationItemId is not null).Select(t => t.ConfigurationItemId).Distinct().ToList();
        var services = targets.Where(t => t.ServiceId is not null).Select(t => t.ServiceId!.Value).Distinct().ToList();
        var criticality = services.Count == 0
            ? null
            : await db.Set<Service>().Where(s => services.Contains(s.Id)).MinAsync(s => (int?)s.Criticality, ct);
        var since = now - ChangeRisk.HistoryWindow;
        var reviewed = db.Set<ChangeRecord>().Where(c => c.ReviewOutcome != null && c.WorkItemId != change.WorkItemId
            && db.Set<WorkItem>().Any(w => w.Id == c.WorkItemId && w.ClosedAt >= since));
        var onCis = cis.Count == 0
            ? FailureHistory.None
            : await HistoryAsync(reviewed.Where(c => db.Set<ChangeTarget>().Any(t => t.ChangeId == c.WorkItemId && cis.Contains(t.ConfigurationItemId))), ct);
        var byTeam = item.TeamId is { } team
            ? await HistoryAsync(reviewed.Where(c => db.Set<WorkItem>().Any(w => w.Id == c.WorkItemId && w.TeamId == team)), ct)
            : FailureHistory.None;
        var result = ChangeRisk.Assess(new RiskInputs(Answers(change), cis.Count, criticality, onCis, byTeam));
        item.Change("risk", change.Risk, result.Level, v => change.Risk = v, actorId, now, internalLine: true);
        change.RiskScore = result.Score;
        change.RiskExplanation = JsonSerializer.Serialize(result.Lines, Json);
    }

    public static IReadOnlyDictionary<string, string> Answers(ChangeRecord change) =>
        change.RiskAnswers is { Length: > 0 } json
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? []
            : new Dictionary<string, string>();

    public static IReadOnlyList<RiskLine> Explanation(ChangeRecord change) =>
        change.RiskExplanation is { Length: > 0 } json ? JsonSerializer.Deserialize<List<RiskLine>>(json, Json) ?? [] : [];

    private static async Task<FailureHistory> HistoryAsync(IQueryable<ChangeRecord> reviewed, CancellationToken ct)
    {
        var count = await reviewed.CountAsync(ct);
        var failed = count == 0 ? 0 : await reviewed.CountAsync(c => c.ReviewOutcome == ReviewOutcome.Failed || c.ReviewOutcome == ReviewOutcome.BackedOut, ct);
        return new FailureHistory(count, failed);
    }

    /// <summary>Checks that the ids name CIs and services; the messages name the field.</summary>
    public async Task CheckTargetsAsync(IReadOnlyList<Guid>? ciIds, IReadOnlyList<Guid>? serviceIds, Domain.Platform.FieldErrors errors, CancellationToken ct)
    {
        if (ciIds is { Count: > 0 })
        {
            var wanted = ciIds.Distinct().ToList();
            if (await db.Set<ConfigurationItem>().CountAsync(c => wanted.Contains(c.Id), ct) != wanted.Count)
            {
                errors.Add("configurationItemIds", "names something that is not a configuration item.");
            }
        }
        if (serviceIds is { Count: > 0 })
        {
            var wanted = serviceIds.Distinct().ToList();
            if (await db.Set<Service>().CountAsync(s => wanted.Contains(s.Id), ct) != wanted.Count)
            {
                errors.Add("serviceIds", "names something that is not a service.");
            }
        }
    }
}

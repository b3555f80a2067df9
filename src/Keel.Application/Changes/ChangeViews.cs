using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Changes;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

/// <summary>A target of a change: a CI or a service, and whether impact analysis added it.</summary>
public sealed record ChangeTargetView(Guid Id, string Name, bool FromImpact);

/// <summary>A change as its record shows it: the work item, and what the change adds to it.</summary>
public sealed record ChangeView(
    WorkItemView Item, ChangeType Type, Ref? Template, string Reason, string ImplementationPlan, string BackoutPlan, string TestPlan,
    DateTime? PlannedStart, DateTime? PlannedEnd, DateTime? ActualStart, DateTime? ActualEnd,
    RiskLevel? Risk, int? RiskScore, IReadOnlyDictionary<string, string> RiskAnswers, IReadOnlyList<RiskLine> RiskExplanation,
    ChangeAuthority? Authority, int? Quorum, IReadOnlyList<ApprovalView> Approvals,
    IReadOnlyList<ChangeTargetView> ConfigurationItems, IReadOnlyList<ChangeTargetView> Services,
    ReviewOutcome? ReviewOutcome, string? ReviewNote, IReadOnlyList<WorkRef> CausedIncidents, long Version);

/// <summary>One row of the change list.</summary>
public sealed record ChangeRow(
    string Number, string Title, WorkState State, ChangeType Type, RiskLevel? Risk, Ref Service, Ref? Team,
    DateTime? PlannedStart, DateTime? PlannedEnd, ReviewOutcome? ReviewOutcome, DateTime CreatedAt);

internal sealed class ChangeViews(KeelDb db, WorkViews views, ApprovalService approvals)
{
    public async Task<ChangeView> OneAsync(WorkItem item, CancellationToken ct)
    {
        var change = await db.Set<ChangeRecord>().AsNoTracking().FirstAsync(c => c.WorkItemId == item.Id, ct);
        var targets = await db.Set<ChangeTarget>().AsNoTracking().Where(t => t.ChangeId == item.Id).ToListAsync(ct);
        var cis = await WorkViews.NamesAsync(db.Set<ConfigurationItem>(), targets.Select(t => t.ConfigurationItemId), c => new { c.Id, c.Name }, x => x.Id, x => x.Name, ct);
        var services = await WorkViews.NamesAsync(db.Set<Service>(), targets.Select(t => t.ServiceId), s => new { s.Id, s.Name }, x => x.Id, x => x.Name, ct);
        var template = change.TemplateId is { } templateId
            ? await db.Set<ChangeTemplate>().Where(t => t.Id == templateId).Select(t => new Ref(t.Id, t.Name)).FirstOrDefaultAsync(ct)
            : null;
        var asked = await approvals.ListAsync(false, item.Id, new Platform.Paging.PageRequest(500, null, "requestedAt"), ct);
        var caused = await db.Set<WorkLink>().Where(l => l.ToId == item.Id && l.Type == WorkLinkType.CausedBy)
            .Join(db.Set<WorkItem>(), l => l.FromId, w => w.Id, (l, w) => new { w.Number, w.Title }).OrderBy(w => w.Number).ToListAsync(ct);
        return new ChangeView(
            await views.OneAsync(item, ct), change.Type, template, change.Reason, change.ImplementationPlan, change.BackoutPlan, change.TestPlan,
            change.PlannedStart, change.PlannedEnd, change.ActualStart, change.ActualEnd,
            change.Risk, change.RiskScore, ChangeAssessor.Answers(change), ChangeAssessor.Explanation(change),
            change.Authority, change.Quorum, asked.Value?.Items ?? [],
            targets.Where(t => t.ConfigurationItemId is { } id).Select(t => new ChangeTargetView(t.ConfigurationItemId!.Value, cis.GetValueOrDefault(t.ConfigurationItemId!.Value, ""), t.FromImpact))
                .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            targets.Where(t => t.ServiceId is { } id).Select(t => new ChangeTargetView(t.ServiceId!.Value, services.GetValueOrDefault(t.ServiceId!.Value, ""), t.FromImpact))
                .OrderBy(t => t.FromImpact).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            change.ReviewOutcome, change.ReviewNote, caused.Select(c => new WorkRef(c.Number, c.Title)).ToList(), item.Version);
    }

    public async Task<IReadOnlyList<ChangeRow>> RowsAsync(IReadOnlyList<WorkItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var changes = await db.Set<ChangeRecord>().AsNoTracking().Where(c => ids.Contains(c.WorkItemId)).ToDictionaryAsync(c => c.WorkItemId, ct);
        var services = await WorkViews.NamesAsync(db.Set<Service>(), items.Select(i => (Guid?)i.ServiceId), s => new { s.Id, s.Name }, x => x.Id, x => x.Name, ct);
        var teams = await WorkViews.NamesAsync(db.Set<Keel.Domain.Platform.Team>(), items.Select(i => i.TeamId), t => new { t.Id, t.Name }, x => x.Id, x => x.Name, ct);
        return items.Select(i =>
        {
            var c = changes.GetValueOrDefault(i.Id) ?? new ChangeRecord { WorkItemId = i.Id };
            return new ChangeRow(i.Number, i.Title, i.State, c.Type, c.Risk, new Ref(i.ServiceId, services.GetValueOrDefault(i.ServiceId, "")),
                i.TeamId is { } t ? new Ref(t, teams.GetValueOrDefault(t, "")) : null, c.PlannedStart, c.PlannedEnd, c.ReviewOutcome, i.CreatedAt);
        }).ToList();
    }
}

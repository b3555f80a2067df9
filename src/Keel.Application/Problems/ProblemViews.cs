using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Knowledge;
using Keel.Domain.Problems;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Problems;

/// <summary>An incident linked to a problem (CausedBy from the incident to the problem).</summary>
public sealed record ProblemIncidentView(string Number, string Title, WorkState State, int Priority, Ref Service, DateTime CreatedAt);

/// <summary>A problem: the work item's fields, the problem's own (root cause, workaround, known error) and its incidents.</summary>
public sealed record ProblemView(
    Guid Id, string Number, string Title, string Description, WorkState State, int Priority, int Impact, int Urgency, string? Category,
    Ref Service, Ref? ConfigurationItem, Ref Requester, Ref? Team, Ref? Assignee,
    string? RootCause, string? Workaround, bool IsKnownError, DateTime? KnownErrorAt, Guid? CandidateId, Ref? KnowledgeArticle,
    IReadOnlyList<ProblemIncidentView> Incidents, int IncidentCount,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt, DateTime? ClosedAt,
    IReadOnlyList<WorkState> AllowedTransitions, long Version);

internal static class ProblemViews
{
    /// <summary>A problem shows its most recent incidents; a problem with more says how many there are in all.</summary>
    public const int IncidentsShown = 200;

    public static async Task<ProblemView> OneAsync(KeelDb db, WorkViews views, WorkItem item, bool mayDeclareKnownError, CancellationToken ct)
    {
        var view = await views.OneAsync(item, ct);
        var record = await db.Set<ProblemRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.WorkItemId == item.Id, ct)
                     ?? new ProblemRecord { WorkItemId = item.Id };
        var (incidents, count) = await IncidentsAsync(db, item.Id, ct);
        var article = await db.Set<KnowledgeArticle>().AsNoTracking().Where(a => a.KnownErrorId == item.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new Ref(a.Id, a.Title)).FirstOrDefaultAsync(ct);
        return new ProblemView(
            view.Id, view.Number, view.Title, view.Description, view.State, view.Priority, view.Impact, view.Urgency, view.Category,
            view.Service, view.ConfigurationItem, view.Requester, view.Team, view.Assignee,
            record.RootCause, record.Workaround, view.State == WorkState.KnownError, record.KnownErrorAt, record.CandidateId, article,
            incidents, count, view.CreatedAt, view.UpdatedAt, view.ResolvedAt, view.ClosedAt,
            [.. view.AllowedTransitions.Where(s => mayDeclareKnownError || s != WorkState.KnownError)], view.Version);
    }

    /// <summary>The incidents linked to a problem, newest first.</summary>
    public static async Task<(IReadOnlyList<ProblemIncidentView> Items, int Count)> IncidentsAsync(KeelDb db, Guid problemId, CancellationToken ct)
    {
        var linked = LinkedIncidents(db, problemId);
        var count = await linked.CountAsync(ct);
        var rows = await linked
            .Join(db.Set<Service>(), w => w.ServiceId, s => s.Id, (w, s) => new { w.Number, w.Title, w.State, w.Priority, w.ServiceId, ServiceName = s.Name, w.CreatedAt })
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Number).Take(IncidentsShown).ToListAsync(ct);
        return (rows.Select(r => new ProblemIncidentView(r.Number, r.Title, r.State, r.Priority, new Ref(r.ServiceId, r.ServiceName), r.CreatedAt)).ToList(), count);
    }

    /// <summary>Incidents caused by the problem: the link goes from the incident to the problem.</summary>
    public static IQueryable<WorkItem> LinkedIncidents(KeelDb db, Guid problemId) =>
        db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Incident
                                      && db.Set<WorkLink>().Any(l => l.FromId == w.Id && l.ToId == problemId && l.Type == WorkLinkType.CausedBy));

    /// <summary>Whether an incident is already linked to some problem (the candidate job leaves those out).</summary>
    public static IQueryable<WorkItem> WithoutProblem(KeelDb db, IQueryable<WorkItem> incidents) =>
        incidents.Where(w => !db.Set<WorkLink>().Any(l => l.FromId == w.Id && l.Type == WorkLinkType.CausedBy
                                                          && db.Set<WorkItem>().Any(p => p.Id == l.ToId && p.Kind == WorkKind.Problem)));
}

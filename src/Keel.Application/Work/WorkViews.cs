using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.ServiceLevels;
using Keel.Domain.Balance;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>A reference to a work item as API.md names it.</summary>
public sealed record WorkRef(string Number, string Title);

public sealed record WorkItemView(
    Guid Id, string Number, WorkKind Kind, string Title, string Description, WorkState State,
    int Priority, int Impact, int Urgency, string? Category,
    Ref Service, Ref? ConfigurationItem, Ref Requester, Ref? RequestedFor, Ref? Team, Ref? Assignee,
    HoldReason? HoldReason, ResolutionCode? ResolutionCode, string? ResolutionNote,
    InvestmentCategory InvestmentCategory, ValueChainActivity ValueChainActivity, bool IsMajor,
    WorkRef? Parent, WorkRef? DuplicateOf, Ref? CatalogItem, JsonElement? Answers, int? TaskOrder,
    int ReassignmentCount, int ReopenCount, string? ExternalNumber,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? FirstRespondedAt, DateTime? ResolvedAt, DateTime? ClosedAt,
    IReadOnlyList<WorkState> AllowedTransitions, IReadOnlyList<SlaClockView> Sla, long Version);

/// <summary>Turns stored items into views with the names of what they point at, in a handful of queries for a whole page.</summary>
public sealed class WorkViews(KeelDb db, ICurrentUser user, TimeProvider time)
{
    public async Task<WorkItemView> OneAsync(WorkItem item, CancellationToken ct) => (await ManyAsync([item], ct))[0];

    public async Task<IReadOnlyList<WorkItemView>> ManyAsync(IReadOnlyList<WorkItem> items, CancellationToken ct)
    {
        var people = await db.DisplayNamesAsync(items.SelectMany(i => new[] { i.RequesterId, i.RequestedForId, i.AssigneeId }).OfType<Guid>(), ct);
        var teams = await NamesAsync(db.Set<Team>(), items.Select(i => i.TeamId), t => new { t.Id, t.Name }, x => x.Id, x => x.Name, ct);
        var services = await NamesAsync(db.Set<Service>(), items.Select(i => (Guid?)i.ServiceId), s => new { s.Id, s.Name }, x => x.Id, x => x.Name, ct);
        var cis = await NamesAsync(db.Set<ConfigurationItem>(), items.Select(i => i.ConfigurationItemId), c => new { c.Id, c.Name }, x => x.Id, x => x.Name, ct);
        var catalog = await NamesAsync(db.Set<CatalogItem>(), items.Select(i => i.CatalogItemId), c => new { c.Id, c.Name }, x => x.Id, x => x.Name, ct);
        var relatedIds = items.SelectMany(i => new[] { i.ParentId, i.DuplicateOfId }).OfType<Guid>().Distinct().ToList();
        var related = relatedIds.Count == 0
            ? new Dictionary<Guid, WorkRef>()
            : await db.Set<WorkItem>().Where(w => relatedIds.Contains(w.Id)).Select(w => new { w.Id, w.Number, w.Title })
                .ToDictionaryAsync(w => w.Id, w => new WorkRef(w.Number, w.Title), ct);

        var clocks = await new ClockTracker(db).ReadAsync(items, time.GetUtcNow().UtcDateTime, ct);
        Ref? RefOf(Dictionary<Guid, string> names, Guid? id) => id is { } value ? new Ref(value, names.GetValueOrDefault(value, "")) : null;
        var worker = WorkAccess.IsWorker(user);
        // A change's moves depend on its type (a standard change skips assessment and authorization).
        var changeIds = items.Where(i => i.Kind == WorkKind.Change).Select(i => i.Id).ToList();
        var changeTypes = changeIds.Count == 0
            ? []
            : await db.Set<ChangeRecord>().Where(c => changeIds.Contains(c.WorkItemId)).ToDictionaryAsync(c => c.WorkItemId, c => c.Type, ct);
        IReadOnlyList<WorkState> Allowed(WorkItem i) => changeTypes.TryGetValue(i.Id, out var type)
            ? ChangeFlow.Allowed(type, i.State, WorkAccess.MoverOf(user, i))
            : i.Workflow.AllowedFrom(i.State, WorkAccess.MoverOf(user, i));
        return items.Select(i => new WorkItemView(
            i.Id, i.Number, i.Kind, i.Title, i.Description, i.State, i.Priority, i.Impact, i.Urgency, i.Category,
            RefOf(services, i.ServiceId)!, RefOf(cis, i.ConfigurationItemId), RefOf(people, i.RequesterId)!, RefOf(people, i.RequestedForId),
            RefOf(teams, i.TeamId), RefOf(people, i.AssigneeId), i.HoldReason, i.ResolutionCode, i.ResolutionNote,
            i.InvestmentCategory, i.ValueChainActivity, i.IsMajor,
            i.ParentId is { } p && related.TryGetValue(p, out var parent) ? parent : null,
            i.DuplicateOfId is { } d && related.TryGetValue(d, out var original) ? original : null,
            RefOf(catalog, i.CatalogItemId), i.Answers is null ? null : JsonDocument.Parse(i.Answers).RootElement.Clone(), i.TaskOrder,
            worker ? i.ReassignmentCount : 0, i.ReopenCount, i.ExternalNumber,
            i.CreatedAt, i.UpdatedAt, i.FirstRespondedAt, i.ResolvedAt, i.ClosedAt,
            Allowed(i), [.. clocks[i.Id]], i.Version)).ToList();
    }

    internal static async Task<Dictionary<Guid, string>> NamesAsync<TEntity, TRow>(
        IQueryable<TEntity> set, IEnumerable<Guid?> ids, System.Linq.Expressions.Expression<Func<TEntity, TRow>> select,
        Func<TRow, Guid> id, Func<TRow, string> name, CancellationToken ct)
        where TEntity : class
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var rows = await set.Where(e => wanted.Contains(EF.Property<Guid>(e, "Id"))).Select(select).ToListAsync(ct);
        return rows.ToDictionary(id, name);
    }
}

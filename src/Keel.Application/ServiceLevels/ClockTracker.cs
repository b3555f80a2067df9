using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.ServiceLevels;

/// <summary>
/// Keeps work items' clocks: picks the SLA (or, for tasks, the OLA) policy when an item starts or its priority or team
/// changes, and recomputes every clock from the item's history. Clocks keep the policy terms and calendar revision
/// they were attached with; only <paramref name="repick"/> (the audited recompute action) moves open items onto
/// today's policies and calendars.
/// </summary>
public sealed class ClockTracker(KeelDb db)
{
    private readonly Dictionary<(Guid, int), BusinessClock> _calendars = [];
    private List<ServiceLevelPolicy>? _policies;
    private Dictionary<Guid, BusinessCalendar>? _current;

    /// <summary>Refreshes the clocks of the given (tracked) items; the caller saves.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<WorkItem> items, DateTime now, bool repick, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return;
        }
        var ids = items.Select(i => i.Id).ToList();
        var clocks = (await db.Set<ServiceLevelClock>().Where(c => ids.Contains(c.WorkItemId)).ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<ServiceLevelClock>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
            .Distinct().ToLookup(c => c.WorkItemId);
        var histories = await HistoriesAsync(items, ct);
        var units = await BusinessUnitsAsync(items, ct);
        foreach (var item in items)
        {
            var own = clocks[item.Id].ToList();
            var subject = PolicySubject.Of(item, units.GetValueOrDefault(item.RequestedForId ?? item.RequesterId));
            var agreement = subject.Agreement;
            var attached = own.Where(c => c.Agreement == agreement).ToList();
            if (repick || attached.Count == 0 || attached.Any(c => c.MatchedPriority != item.Priority || (agreement == Agreement.Ola && c.MatchedTeamId != item.TeamId)))
            {
                own = await AttachAsync(item, subject, agreement, own, ct);
            }
            if (ClockHistory.TryFrom(histories[item.Id], item.FirstRespondedAt) is not { } history)
            {
                continue; // no start to count from (nothing in Keel creates work without one)
            }
            foreach (var clock in own)
            {
                var calendar = await CalendarAsync(clock.CalendarId, clock.CalendarRevision, ct);
                clock.Apply(ClockEngine.Read(clock.Terms, history, calendar, now), now);
            }
            SlaSummary.Apply(item, own);
        }
    }

    /// <summary>
    /// The item's clocks as they stand now, read from their stored terms and the item's history without saving
    /// anything (a stored reading is as of its last refresh; elapsed time moves on).
    /// </summary>
    public async Task<ILookup<Guid, SlaClockView>> ReadAsync(IReadOnlyCollection<WorkItem> items, DateTime now, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var clocks = (await db.Set<ServiceLevelClock>().AsNoTracking().Where(c => ids.Contains(c.WorkItemId)).ToListAsync(ct))
            .ToLookup(c => c.WorkItemId);
        var timed = items.Where(i => clocks.Contains(i.Id)).ToList();
        var histories = timed.Count == 0 ? Array.Empty<WorkEvent>().ToLookup(e => e.WorkItemId) : await HistoriesAsync(timed, ct);
        var views = new List<(Guid, SlaClockView)>();
        foreach (var item in timed)
        {
            if (ClockHistory.TryFrom(histories[item.Id], item.FirstRespondedAt) is not { } history)
            {
                continue;
            }
            foreach (var clock in clocks[item.Id].OrderBy(c => c.Agreement).ThenBy(c => c.Kind))
            {
                clock.Apply(ClockEngine.Read(clock.Terms, history, await CalendarAsync(clock.CalendarId, clock.CalendarRevision, ct), now), now);
                views.Add((item.Id, SlaClockView.Of(clock)));
            }
        }
        return views.ToLookup(v => v.Item1, v => v.Item2);
    }

    /// <summary>Replaces the item's clocks of an agreement with those of the policy that matches it now (or none).</summary>
    private async Task<List<ServiceLevelClock>> AttachAsync(
        WorkItem item, PolicySubject subject, Agreement agreement, List<ServiceLevelClock> own, CancellationToken ct)
    {
        _policies ??= await db.Set<ServiceLevelPolicy>().AsNoTracking().Where(p => p.IsActive).ToListAsync(ct);
        _current ??= await db.Set<BusinessCalendar>().AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var policy = ServiceLevelPolicy.Pick(_policies, agreement, subject);
        var terms = policy is not null && _current.TryGetValue(policy.CalendarId, out var calendar)
            ? policy.Terms(calendar.Hours).ToList()
            : [];
        var kept = new List<ServiceLevelClock>(own.Where(c => c.Agreement != agreement));
        foreach (var old in own.Where(c => c.Agreement == agreement && terms.All(t => t.Kind != c.Kind)))
        {
            db.Remove(old);
        }
        foreach (var term in terms)
        {
            var clock = own.FirstOrDefault(c => c.Agreement == agreement && c.Kind == term.Kind);
            if (clock is null)
            {
                clock = new ServiceLevelClock();
                db.Add(clock);
            }
            clock.AttachTo(item, policy!, term, _current[policy!.CalendarId].Revision);
            kept.Add(clock);
        }
        return kept;
    }

    /// <summary>Creation and state changes of each item: saved lines plus those this save adds.</summary>
    private async Task<ILookup<Guid, WorkEvent>> HistoriesAsync(IReadOnlyCollection<WorkItem> items, CancellationToken ct)
    {
        var stored = items.Where(i => db.Entry(i).State != EntityState.Added).Select(i => i.Id).ToList();
        var saved = stored.Count == 0 ? [] : await db.Set<WorkEvent>().AsNoTracking()
            .Where(e => stored.Contains(e.WorkItemId) && (e.Type == WorkEventType.Created || e.Type == WorkEventType.StateChanged))
            .ToListAsync(ct);
        var adding = db.ChangeTracker.Entries<WorkEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        var ids = items.Select(i => i.Id).ToHashSet();
        return saved.Concat(adding.Where(e => ids.Contains(e.WorkItemId) && e.Type is WorkEventType.Created or WorkEventType.StateChanged))
            .ToLookup(e => e.WorkItemId);
    }

    /// <summary>The business unit of each item's requester (policies may match on it).</summary>
    private async Task<Dictionary<Guid, Guid?>> BusinessUnitsAsync(IReadOnlyCollection<WorkItem> items, CancellationToken ct)
    {
        var people = items.Select(i => i.RequestedForId ?? i.RequesterId).Distinct().ToList();
        return await db.Set<KeelUser>().AsNoTracking().Where(u => people.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.BusinessUnitId, ct);
    }

    private async Task<BusinessClock> CalendarAsync(Guid calendarId, int revision, CancellationToken ct)
    {
        if (!_calendars.TryGetValue((calendarId, revision), out var clock))
        {
            var hours = await db.Set<CalendarRevision>().AsNoTracking()
                .Where(r => r.CalendarId == calendarId && r.Revision == revision).Select(r => r.Hours).FirstOrDefaultAsync(ct)
                ?? db.ChangeTracker.Entries<CalendarRevision>().Select(e => e.Entity)
                    .FirstOrDefault(r => r.CalendarId == calendarId && r.Revision == revision)?.Hours
                ?? CalendarHours.TwentyFourSeven;
            _calendars[(calendarId, revision)] = clock = new BusinessClock(hours);
        }
        return clock;
    }
}

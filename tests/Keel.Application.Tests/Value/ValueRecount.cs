using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Value;

/// <summary>
/// The rollup's figures counted again in plain LINQ over every raw record loaded into memory, written from the
/// definitions rather than from the rollup's code, so the two can disagree.
/// </summary>
internal static class ValueRecount
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(List<DayRow> Days, List<UnitRow> Units)> CountAsync(TestDatabase database)
    {
        await using var db = database.NewDbContext();
        var items = await db.Set<WorkItem>().AsNoTracking().ToListAsync(Ct);
        var events = await db.Set<WorkEvent>().AsNoTracking().ToListAsync(Ct);
        var comments = await db.Set<WorkComment>().AsNoTracking().ToListAsync(Ct);
        var clocks = await db.Set<ServiceLevelClock>().AsNoTracking().ToListAsync(Ct);
        var logs = await db.Set<WorkLog>().AsNoTracking().ToListAsync(Ct);
        var surveys = await db.Set<Survey>().AsNoTracking().ToListAsync(Ct);
        var teams = await db.Set<Team>().AsNoTracking().ToListAsync(Ct);
        var members = await db.Set<TeamMember>().AsNoTracking().ToListAsync(Ct);
        var units = await db.Set<KeelUser>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.BusinessUnitId, Ct);
        var byId = items.ToDictionary(i => i.Id);
        static DateOnly Day(DateTime at) => DateOnly.FromDateTime(at);

        var tickets = items.Where(i => i.Kind is WorkKind.Incident or WorkKind.Request && i.DuplicateOfId is null).ToList();
        var resolved = tickets.Where(i => i.ResolvedAt is not null && i.State is WorkState.Resolved or WorkState.Fulfilled or WorkState.Closed).ToList();
        var decided = clocks.Where(c => c.Agreement == Agreement.Sla && c.State is ClockState.Met or ClockState.Breached)
            .Select(c => (Clock: c, Day: Day(c.State == ClockState.Met ? c.StoppedAt!.Value : c.DueAt), Service: byId[c.WorkItemId].ServiceId))
            .ToList();
        long Rate(WorkLog log)
        {
            var mine = members.Where(m => m.UserId == log.PersonId).Select(m => teams.Single(t => t.Id == m.TeamId)).ToList();
            var team = mine.FirstOrDefault(t => t.Id == byId[log.WorkItemId].TeamId) ?? mine.OrderBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault();
            return team?.HourlyRateMinor ?? 0;
        }

        var keys = tickets.Select(i => (i.ServiceId, Day(i.CreatedAt)))
            .Concat(resolved.Select(i => (i.ServiceId, Day(i.ResolvedAt!.Value))))
            .Concat(decided.Select(d => (d.Service, d.Day)))
            .Concat(surveys.Select(s => (s.ServiceId, Day(s.SentAt))))
            .Concat(logs.Select(l => (byId[l.WorkItemId].ServiceId, l.Date)))
            .Distinct();
        var days = keys.Select(k =>
        {
            var (service, day) = k;
            var res = resolved.Where(i => i.ServiceId == service && Day(i.ResolvedAt!.Value) == day).ToList();
            var dec = decided.Where(d => d.Service == service && d.Day == day).ToList();
            var sent = surveys.Where(s => s.ServiceId == service && Day(s.SentAt) == day).ToList();
            var logged = logs.Where(l => byId[l.WorkItemId].ServiceId == service && l.Date == day).ToList();
            return new DayRow(service, day,
                Raised: tickets.Count(i => i.ServiceId == service && Day(i.CreatedAt) == day),
                Resolved: res.Count,
                Reopened: res.Count(i => i.ReopenCount > 0),
                FirstContact: res.Count(i => i.ReassignmentCount == 0 && i.ReopenCount == 0
                    && !events.Any(e => e.WorkItemId == i.Id && e.Type == WorkEventType.StateChanged && e.To == "OnHold")),
                Interactions: res.Sum(i => 1 + i.ReopenCount + comments.Count(c => c.WorkItemId == i.Id && !c.Internal && c.AuthorId == i.RequesterId)),
                ResolutionMet: dec.Count(d => d.Clock.Kind == ClockKind.Resolution && d.Clock.State == ClockState.Met),
                ResolutionBreached: dec.Count(d => d.Clock.Kind == ClockKind.Resolution && d.Clock.State == ClockState.Breached),
                SlaMet: dec.Count(d => d.Clock.State == ClockState.Met),
                SlaBreached: dec.Count(d => d.Clock.State == ClockState.Breached),
                SurveysSent: sent.Count,
                Responses: sent.Count(s => s.RespondedAt is not null),
                RatingSum: sent.Sum(s => s.Rating ?? 0),
                LabourMinutes: logged.Sum(l => (long)l.Minutes),
                LabourMinor: logged.Sum(l => (long)Math.Round(l.Minutes * Rate(l) / 60m, MidpointRounding.AwayFromZero)));
        }).OrderBy(d => d.Day).ThenBy(d => d.ServiceId).ToList();
        var unitRows = tickets.Where(i => units[i.RequesterId] is not null)
            .GroupBy(i => (i.ServiceId, Day: Day(i.CreatedAt), Unit: units[i.RequesterId]!.Value))
            .Select(g => new UnitRow(g.Key.ServiceId, g.Key.Day, g.Key.Unit, g.Count()))
            .OrderBy(u => u.Day).ThenBy(u => u.BusinessUnitId).ToList();
        return (days, unitRows);
    }
}

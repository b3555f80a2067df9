using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.ServiceLevels;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Value;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Value;

/// <summary>
/// Counts the value rollup's rows of a range of UTC days from the raw records. Each figure is one query grouped in SQL
/// by service and day, except where a rule of the domain decides per record (first contact, effort, the team that
/// prices a work log): there SQL returns the inputs of the rule, per ticket or per distinct work-log shape, and the rule
/// runs here, so the rollup, the tests and the documentation share one rule.
/// </summary>
internal sealed class ValueDayCounter(KeelDb db)
{
    /// <summary>The state name a move on hold writes into the history (<see cref="WorkEvent.To"/>).</summary>
    private static readonly string OnHold = nameof(WorkState.OnHold);

    private readonly Dictionary<(Guid Service, DateOnly Day), ServiceDay> _days = [];

    /// <summary>The rows of the days from <paramref name="first"/> to <paramref name="last"/> (both included); days where nothing happened have none.</summary>
    public async Task<(List<ServiceDay> Days, List<ServiceUnitDay> Units)> CountAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        _days.Clear();
        var (start, end) = (Instant(first), Instant(last.AddDays(1)));
        await RaisedAsync(start, end, ct);
        var units = await RaisedByUnitAsync(start, end, ct);
        await ResolvedAsync(start, end, ct);
        await ClocksAsync(start, end, ct);
        await SurveysAsync(start, end, ct);
        await LabourAsync(first, last, ct);
        return ([.. _days.Values], units);
    }

    public static DateTime Instant(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);

    /// <summary>
    /// Tickets: incidents and requests (not tasks, problems or changes), without the duplicates merged into another
    /// ticket, which would count one need twice.
    /// </summary>
    private IQueryable<WorkItem> Tickets => db.Set<WorkItem>().AsNoTracking()
        .Where(w => (w.Kind == WorkKind.Incident || w.Kind == WorkKind.Request) && w.DuplicateOfId == null);

    private ServiceDay Row(Guid service, int year, int month, int day) => Row(service, new DateOnly(year, month, day));

    private ServiceDay Row(Guid service, DateOnly day)
    {
        if (!_days.TryGetValue((service, day), out var row))
        {
            _days[(service, day)] = row = new ServiceDay { ServiceId = service, Day = day };
        }
        return row;
    }

    /// <summary>Raised: tickets by the UTC day they were created.</summary>
    private async Task RaisedAsync(DateTime start, DateTime end, CancellationToken ct)
    {
        var groups = await Tickets.Where(w => w.CreatedAt >= start && w.CreatedAt < end)
            .GroupBy(w => new { w.ServiceId, w.CreatedAt.Year, w.CreatedAt.Month, w.CreatedAt.Day })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var g in groups)
        {
            Row(g.Key.ServiceId, g.Key.Year, g.Key.Month, g.Key.Day).Raised = g.Count;
        }
    }

    /// <summary>Raised split by the business unit of the requester (who raised it); a requester in no unit is left out.</summary>
    private async Task<List<ServiceUnitDay>> RaisedByUnitAsync(DateTime start, DateTime end, CancellationToken ct)
    {
        var groups = await (
                from w in Tickets
                where w.CreatedAt >= start && w.CreatedAt < end
                join u in db.Set<KeelUser>() on w.RequesterId equals u.Id
                where u.BusinessUnitId != null
                group w by new { w.ServiceId, w.CreatedAt.Year, w.CreatedAt.Month, w.CreatedAt.Day, u.BusinessUnitId } into g
                select new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return [.. groups.Select(g => new ServiceUnitDay
        {
            ServiceId = g.Key.ServiceId, Day = new DateOnly(g.Key.Year, g.Key.Month, g.Key.Day), BusinessUnitId = g.Key.BusinessUnitId!.Value, Raised = g.Count,
        })];
    }

    /// <summary>
    /// Resolved: tickets resolved now (Resolved, Fulfilled or Closed), by the day of their current ResolvedAt. A reopen
    /// clears ResolvedAt and the next resolution sets it again, so a ticket reopened and open again counts nowhere and one
    /// resolved twice counts on the day of its last resolution. Of those, reopened: reopened at least once; first contact:
    /// <see cref="FirstContact.Holds"/> (ever on hold = a move to OnHold in its history); interactions:
    /// <see cref="FirstContact.Interactions"/> over the requester's public comments.
    /// </summary>
    private async Task ResolvedAsync(DateTime start, DateTime end, CancellationToken ct)
    {
        var tickets = await Tickets
            .Where(w => w.ResolvedAt >= start && w.ResolvedAt < end
                        && (w.State == WorkState.Resolved || w.State == WorkState.Fulfilled || w.State == WorkState.Closed))
            .Select(w => new
            {
                w.ServiceId, ResolvedAt = w.ResolvedAt!.Value, w.ReassignmentCount, w.ReopenCount,
                EverOnHold = db.Set<WorkEvent>().Any(e => e.WorkItemId == w.Id && e.Type == WorkEventType.StateChanged && e.To == OnHold),
                // The author test is summed, not filtered: filtered, SQLite looks the comments up by author (a requester
                // has many) instead of by ticket — 48 s instead of 2 s for a year of the demo.
                Replies = db.Set<WorkComment>().Where(c => c.WorkItemId == w.Id && !c.Internal).Sum(c => c.AuthorId == w.RequesterId ? 1 : 0),
            })
            .ToListAsync(ct);
        foreach (var t in tickets)
        {
            var row = Row(t.ServiceId, DateOnly.FromDateTime(t.ResolvedAt));
            row.Resolved++;
            row.Reopened += t.ReopenCount > 0 ? 1 : 0;
            row.FirstContact += FirstContact.Holds(t.ReassignmentCount, t.EverOnHold, t.ReopenCount) ? 1 : 0;
            row.Interactions += FirstContact.Interactions(t.Replies, t.ReopenCount);
        }
    }

    /// <summary>
    /// SLA clocks (not OLA) by the day they were decided (<see cref="DecidedClocks"/>, the attainment report's rule, so
    /// the two agree), counted for the service of their item whatever its kind, as attainment counts them.
    /// </summary>
    private async Task ClocksAsync(DateTime start, DateTime end, CancellationToken ct)
    {
        var groups = await (
                from d in db.Set<ServiceLevelClock>().AsNoTracking().Where(c => c.Agreement == Agreement.Sla).Select(DecidedClocks.Projection)
                where d.At >= start && d.At < end
                join w in db.Set<WorkItem>() on d.WorkItemId equals w.Id
                group d by new { w.ServiceId, d.At!.Value.Year, d.At.Value.Month, d.At.Value.Day, d.Kind } into g
                select new
                {
                    g.Key,
                    Met = g.Count(x => x.State == ClockState.Met),
                    Breached = g.Count(x => x.State == ClockState.Breached),
                })
            .ToListAsync(ct);
        foreach (var g in groups)
        {
            var row = Row(g.Key.ServiceId, g.Key.Year, g.Key.Month, g.Key.Day);
            row.SlaMet += g.Met;
            row.SlaBreached += g.Breached;
            if (g.Key.Kind == ClockKind.Resolution)
            {
                row.ResolutionMet += g.Met;
                row.ResolutionBreached += g.Breached;
            }
        }
    }

    /// <summary>Surveys by the day they were sent (with the service copied onto them); a response counts on its survey's day.</summary>
    private async Task SurveysAsync(DateTime start, DateTime end, CancellationToken ct)
    {
        var groups = await db.Set<Survey>().AsNoTracking()
            .Where(s => s.SentAt >= start && s.SentAt < end)
            .GroupBy(s => new { s.ServiceId, s.SentAt.Year, s.SentAt.Month, s.SentAt.Day })
            .Select(g => new { g.Key, Sent = g.Count(), Responses = g.Count(s => s.RespondedAt != null), RatingSum = g.Sum(s => s.Rating ?? 0) })
            .ToListAsync(ct);
        foreach (var g in groups)
        {
            var row = Row(g.Key.ServiceId, g.Key.Year, g.Key.Month, g.Key.Day);
            (row.SurveysSent, row.Responses, row.RatingSum) = (g.Sent, g.Responses, g.RatingSum);
        }
    }

    /// <summary>
    /// Labour: work logged on any item of the service (tickets, tasks, problems, changes: all of it is work on the service),
    /// by the date it was logged for, priced per entry by <see cref="LabourCost"/> at today's teams and rates. Entries are
    /// grouped in SQL by everything the price depends on, minutes included, so each group is priced once and rounded per entry.
    /// </summary>
    private async Task LabourAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var groups = await (
                from l in db.Set<WorkLog>().AsNoTracking()
                where l.Date >= first && l.Date <= last
                join w in db.Set<WorkItem>() on l.WorkItemId equals w.Id
                group l by new { w.ServiceId, l.Date, l.PersonId, w.TeamId, l.Minutes } into g
                select new { g.Key, Entries = g.Count() })
            .ToListAsync(ct);
        if (groups.Count == 0)
        {
            return;
        }
        var teams = await TeamsByPersonAsync(ct);
        foreach (var g in groups)
        {
            var team = LabourCost.TeamOf(teams.GetValueOrDefault(g.Key.PersonId) ?? [], g.Key.TeamId);
            var row = Row(g.Key.ServiceId, g.Key.Date);
            row.LabourMinutes += (long)g.Key.Minutes * g.Entries;
            row.LabourMinor += LabourCost.Minor(g.Key.Minutes, team?.HourlyRateMinor ?? 0) * g.Entries;
        }
    }

    private async Task<Dictionary<Guid, List<LabourTeam>>> TeamsByPersonAsync(CancellationToken ct)
    {
        var members = await (
                from m in db.Set<TeamMember>().AsNoTracking()
                join t in db.Set<Team>() on m.TeamId equals t.Id
                select new { m.UserId, t.Id, t.Name, t.HourlyRateMinor })
            .ToListAsync(ct);
        return members.GroupBy(m => m.UserId)
            .ToDictionary(g => g.Key, g => g.Select(m => new LabourTeam(m.Id, m.Name, m.HourlyRateMinor)).ToList());
    }
}

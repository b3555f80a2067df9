using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

public enum ChangeStatsGroup
{
    Team,
    Service,
}

/// <summary>
/// Changes closed after review in the period, per group: how many, how many succeeded (successful or successful with
/// issues), the success rate, and how many were emergencies (the emergency-change ratio). Rates are null without changes.
/// </summary>
public sealed record ChangeStatsRow(Ref? Group, int Closed, int Successful, double? SuccessRate, int Emergency, double? EmergencyRatio);

public sealed record ChangeStatsView(DateTime From, DateTime To, ChangeStatsGroup GroupBy, ChangeStatsRow Total, IReadOnlyList<ChangeStatsRow> Groups);

public sealed class ChangeStatsService(KeelDb db, ICurrentUser user)
{
    /// <summary>More than this is not a period anyone reads change success over; it also bounds the query.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(731);

    public async Task<Result<ChangeStatsView>> GetAsync(DateTime? from, DateTime? to, ChangeStatsGroup groupBy, CancellationToken ct)
    {
        if (!ChangeAccess.CanWork(user))
        {
            return ChangeAccess.Refused();
        }
        var errors = new FieldErrors();
        if (from is null)
        {
            errors.Add("from", "is required (a date).");
        }
        if (to is null)
        {
            errors.Add("to", "is required (a date).");
        }
        if (from is { } f && to is { } t && (t <= f || t - f > MaxPeriod))
        {
            errors.Add("to", "must be after from, at most two years later.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var start = DateTime.SpecifyKind(from!.Value, DateTimeKind.Utc);
        var end = DateTime.SpecifyKind(to!.Value, DateTimeKind.Utc);
        var rows = await db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Change && w.State == WorkState.Closed && w.ClosedAt >= start && w.ClosedAt < end)
            .Join(db.Set<ChangeRecord>().Where(c => c.ReviewOutcome != null), w => w.Id, c => c.WorkItemId,
                (w, c) => new { w.TeamId, ServiceId = (Guid?)w.ServiceId, c.Type, c.ReviewOutcome })
            .ToListAsync(ct);
        var groups = rows.GroupBy(r => groupBy == ChangeStatsGroup.Team ? r.TeamId : r.ServiceId).ToList();
        var ids = groups.Select(g => g.Key).OfType<Guid>().ToList();
        var names = groupBy == ChangeStatsGroup.Team
            ? await db.Set<Team>().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct)
            : await db.Set<Service>().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        ChangeStatsRow Row(Ref? group, IReadOnlyCollection<(ChangeType Type, ReviewOutcome? Outcome)> changes)
        {
            var successful = changes.Count(c => c.Outcome is { } o && !o.IsFailure());
            var emergency = changes.Count(c => c.Type == ChangeType.Emergency);
            return new ChangeStatsRow(group, changes.Count, successful, changes.Count == 0 ? null : (double)successful / changes.Count,
                emergency, changes.Count == 0 ? null : (double)emergency / changes.Count);
        }
        var groupRows = groups
            .Select(g => Row(g.Key is { } id ? new Ref(id, names.GetValueOrDefault(id, "")) : null, g.Select(r => (r.Type, r.ReviewOutcome)).ToList()))
            .OrderByDescending(r => r.Closed).ThenBy(r => r.Group?.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new ChangeStatsView(start, end, groupBy, Row(null, rows.Select(r => (r.Type, r.ReviewOutcome)).ToList()), groupRows);
    }
}

using System.Globalization;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.ServiceLevels;

/// <summary>
/// SLA attainment read from the monthly rollup, and the admin's rebuild of it. IT staff, the IT leader and executives
/// read every service (attainment carries no cost data, and staff see each item's clocks anyway); a service owner reads
/// only their own services; requesters none.
/// </summary>
public sealed class AttainmentService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<AttainmentView>>> QueryAsync(AttainmentQuery query, CancellationToken ct)
    {
        var everything = ServiceAccess.ReadsAllAttainment(user);
        if (!everything && !user.IsInRole(Roles.ServiceOwner))
        {
            return Error.Forbidden("Only IT staff, the IT leader and executives read SLA attainment.");
        }
        var errors = new FieldErrors();
        var (first, last) = AttainmentRules.ReadRange(query.From, query.To, CurrentMonth, errors);
        var grouping = AttainmentGrouping.Month;
        if (query.GroupBy is { Length: > 0 } groupBy)
        {
            // By name only: Enum.TryParse would take "7", which no case of the switch below handles.
            if (WorkFilterValues.Name<AttainmentGrouping>(groupBy.Trim()) is { } named)
            {
                grouping = named;
            }
            else
            {
                errors.Add("groupBy", "must be service, team, priority or month.");
            }
        }
        if (errors.Any)
        {
            return errors.ToError();
        }

        var rows = db.Set<SlaAttainment>().AsNoTracking()
            .Where(a => a.Month >= first && a.Month <= last && a.Agreement == (query.Agreement ?? Agreement.Sla));
        if (query.ServiceId is { } serviceId)
        {
            var service = await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
            if (service is null)
            {
                return Error.NotFound("The service");
            }
            if (!ServiceAccess.CanReadAttainment(user, service.OwnerId))
            {
                return Error.Forbidden("Service owners read the attainment of their own services.");
            }
            rows = rows.Where(a => a.ServiceId == serviceId);
        }
        else if (!everything)
        {
            var mine = db.Set<Service>().Where(s => s.OwnerId == user.UserId).Select(s => s.Id);
            rows = rows.Where(a => mine.Contains(a.ServiceId));
        }
        if (query.TeamId is { } teamId)
        {
            rows = rows.Where(a => a.TeamId == teamId);
        }
        if (query.Kind is { } kind)
        {
            rows = rows.Where(a => a.Kind == kind);
        }
        return grouping switch
        {
            AttainmentGrouping.Month => ByMonth(await SumAsync(rows.GroupBy(a => a.Month), ct), first, last),
            AttainmentGrouping.Priority => [.. (await SumAsync(rows.GroupBy(a => a.Priority), ct)).OrderBy(s => s.Key)
                .Select(s => View(new AttainmentGroup(s.Key.ToString(CultureInfo.InvariantCulture), $"P{s.Key}"), s))],
            AttainmentGrouping.Service => await NamedAsync(await SumAsync(rows.GroupBy(a => (Guid?)a.ServiceId), ct),
                ids => db.Set<Service>().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct)),
            AttainmentGrouping.Team => await NamedAsync(await SumAsync(rows.GroupBy(a => a.TeamId), ct),
                ids => db.Set<Team>().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct)),
        };
    }

    /// <summary>Rewrites the rollup for a range of months from the clocks (after a recompute, or to fill months before the job ran); audited.</summary>
    public async Task<Result<AttainmentRebuildView>> RebuildAsync(string? from, string? to, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins rebuild SLA attainment.");
        }
        var errors = new FieldErrors();
        var (first, last) = AttainmentRules.ReadRange(from, to, CurrentMonth, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var rows = await new AttainmentRollup(db).RebuildAsync(first, last, ct);
        var view = new AttainmentRebuildView(AttainmentRules.Format(first), AttainmentRules.Format(last), rows);
        db.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime, UserId = user.UserId, UserName = user.UserName, EntityType = nameof(SlaAttainment),
            EntityId = "rebuild", Action = AuditAction.Updated,
            Changes = JsonSerializer.Serialize(new { Rebuilt = new { Before = (object?)null, After = view } }),
        });
        await db.SaveChangesAsync(ct);
        return view;
    }

    private DateOnly CurrentMonth => AttainmentRules.MonthOf(time.GetUtcNow().UtcDateTime);

    private sealed record Sum<TKey>(TKey Key, int Met, int Breached);

    private static async Task<List<Sum<TKey>>> SumAsync<TKey>(IQueryable<IGrouping<TKey, SlaAttainment>> groups, CancellationToken ct) =>
        await groups.Select(g => new Sum<TKey>(g.Key, g.Sum(a => a.Met), g.Sum(a => a.Breached))).ToListAsync(ct);

    private static AttainmentView View<TKey>(AttainmentGroup group, Sum<TKey> sum) =>
        new(group, sum.Met, sum.Breached, AttainmentRules.Attainment(sum.Met, sum.Breached));

    /// <summary>Every month of the range, those without decided clocks included (attainment null), oldest first.</summary>
    private static List<AttainmentView> ByMonth(List<Sum<DateOnly>> sums, DateOnly first, DateOnly last)
    {
        var byMonth = sums.ToDictionary(s => s.Key);
        return [.. AttainmentRules.Months(first, last).Select(m => View(
            new AttainmentGroup(AttainmentRules.Format(m), m.ToString("MMMM yyyy", CultureInfo.InvariantCulture)),
            byMonth.GetValueOrDefault(m) ?? new Sum<DateOnly>(m, 0, 0)))];
    }

    /// <summary>Services or teams by name; work held by no team last.</summary>
    private static async Task<List<AttainmentView>> NamedAsync(List<Sum<Guid?>> sums, Func<List<Guid>, Task<Dictionary<Guid, string>>> names)
    {
        var found = await names([.. sums.Select(s => s.Key).OfType<Guid>()]);
        return [.. sums
            .Select(s => View(new AttainmentGroup(s.Key?.ToString(), s.Key is { } id ? found.GetValueOrDefault(id, "") : "No team"), s))
            .OrderBy(v => v.Group.Id is null).ThenBy(v => v.Group.Name, StringComparer.CurrentCulture)];
    }
}

using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Keel.Application.ServiceLevels;

/// <summary>
/// SLA and OLA policies: read by IT staff, kept by admins. Saving a policy changes only items that start afterwards;
/// open items move onto the new terms through <see cref="RecomputeAsync"/>, which is audited.
/// </summary>
public sealed class PolicyService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    private static readonly KeysetPager<ServiceLevelPolicy> Pager = new(
        p => p.Id, SortKey<ServiceLevelPolicy>.By("order", p => p.Order), SortKey<ServiceLevelPolicy>.By("name", p => p.Name));

    public async Task<Result<Page<PolicyView>>> ListAsync(Agreement? agreement, PageRequest page, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff read service-level policies.");
        }
        var query = db.Set<ServiceLevelPolicy>().AsNoTracking();
        if (agreement is { } a)
        {
            query = query.Where(p => p.Agreement == a);
        }
        var result = await Pager.PageAsync(query, page with { Sort = page.Sort ?? "order" }, ct);
        return result.IsSuccess ? new Page<PolicyView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<PolicyView>> GetAsync(Guid id, CancellationToken ct)
    {
        var policy = WorkAccess.IsWorker(user) ? await db.Set<ServiceLevelPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        return policy is null ? Error.NotFound("The policy") : (await ViewsAsync([policy], ct))[0];
    }

    public async Task<Result<PolicyView>> CreateAsync(PolicyDraft draft, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep service-level policies.");
        }
        var policy = new ServiceLevelPolicy();
        draft.ApplyTo(policy);
        if (policy.Agreement == Agreement.Ola && !draft.PauseStates.IsSet)
        {
            policy.PauseStates = [WorkState.Pending]; // a task waiting for earlier steps is not yet its team's time
        }
        if (!draft.Order.IsSet)
        {
            policy.Order = (await db.Set<ServiceLevelPolicy>().MaxAsync(p => (int?)p.Order, ct) ?? 0) + 10;
        }
        if (await ValidateAsync(policy, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(policy);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([policy], ct))[0];
    }

    public async Task<Result<PolicyView>> UpdateAsync(Guid id, long expectedVersion, PolicyDraft patch, CancellationToken ct)
    {
        var policy = WorkAccess.IsWorker(user) ? await db.Set<ServiceLevelPolicy>().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (policy is null)
        {
            return Error.NotFound("The policy");
        }
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep service-level policies.");
        }
        if (policy.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        patch.ApplyTo(policy);
        if (await ValidateAsync(policy, ct) is { } invalid)
        {
            return invalid;
        }
        db.Entry(policy).Property(p => p.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<PolicyView>)(await ViewsAsync([policy], ct))[0];
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep service-level policies.");
        }
        var policy = await db.Set<ServiceLevelPolicy>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return Error.NotFound("The policy");
        }
        if (await db.Set<ServiceLevelClock>().AnyAsync(c => c.PolicyId == id, ct))
        {
            return new Error(ErrorKind.Conflict, "policy_in_use", "Clocks were attached by this policy; deactivate it instead, so their history stays explained.");
        }
        db.Remove(policy);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Puts every policy of one agreement in the order given (the first active match wins), in one save. The list must
    /// name each of the agreement's policies once: a policy added or deleted since the caller read the list makes it
    /// stale, and nothing is reordered.
    /// </summary>
    public async Task<Result<IReadOnlyList<PolicyView>>> ReorderAsync(Agreement? agreement, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep service-level policies.");
        }
        var errors = new FieldErrors();
        if (agreement is null)
        {
            errors.Add("agreement", "is required: Sla or Ola.");
        }
        Reordering.Validate(ids, "policy", errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var policies = await db.Set<ServiceLevelPolicy>().Where(p => p.Agreement == agreement).ToListAsync(ct);
        // Steps of ten, as new policies get, so a policy created with an explicit order can still go between two.
        if (Reordering.Positions(ids!, [.. policies.Select(p => p.Id)], step: 10) is not { } position)
        {
            return Error.Concurrency();
        }
        foreach (var policy in policies.Where(p => p.Order != position[p.Id]))
        {
            policy.Order = position[policy.Id];
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return conflict;
        }
        return await ViewsAsync([.. policies.OrderBy(p => p.Order).ThenBy(p => p.Name, StringComparer.Ordinal)], ct);
    }

    /// <summary>When an example item created at a given time would be due, before anything is saved.</summary>
    public async Task<Result<PreviewView>> PreviewAsync(PreviewRequest request, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff read service-level policies.");
        }
        var errors = new FieldErrors();
        var stored = request.CalendarId is { } id ? await db.Set<BusinessCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (request.CalendarId is not null && stored is null)
        {
            errors.Add("calendarId", "is not a calendar.");
        }
        var hours = request.Hours is { } draft ? CalendarDrafts.Read(draft, stored?.Hours ?? new CalendarHours(), errors) : stored?.Hours;
        if (hours is null)
        {
            errors.Add("calendarId", "name a calendar or give its hours.");
        }
        hours?.Validate(errors);
        var response = request.Response?.ToTarget();
        var resolution = request.Resolution?.ToTarget();
        response?.Validate("response", errors);
        resolution?.Validate("resolution", errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var clock = new BusinessClock(hours!);
        var start = request.CreatedAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : time.GetUtcNow().UtcDateTime;
        DateTime? Due(ServiceTarget? target) => target is null ? null : clock.Add(start, TimeSpan.FromMinutes(target.MinutesOn(hours!)));
        return new PreviewView(start, hours!.MinutesPerBusinessDay(), Due(response), Due(resolution));
    }

    /// <summary>
    /// Moves every open item onto today's policies and calendars and recomputes its clocks from its history: the one
    /// way a policy or calendar change reaches work already under way. A changed clock may move in or out of a month the
    /// hourly attainment job no longer rewrites, so the rollup is rebuilt from the earliest month a changed clock counted
    /// in (before or after) to the current one. Writes an audit line with the counts.
    /// </summary>
    public async Task<Result<RecomputeView>> RecomputeAsync(CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins recompute service levels.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var open = Domain.Work.Workflows.NotOpenStates;
        var (items, clocks) = (0, 0);
        DateOnly? earliest = null;
        var after = "";
        while (true)
        {
            var batch = await db.Set<Domain.Work.WorkItem>()
                .Where(w => !open.Contains(w.State) && string.Compare(w.Number, after) > 0)
                .OrderBy(w => w.Number).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            db.SuppressClocks = true; // this save refreshes the clocks itself, with a fresh pick
            await new ClockTracker(db).RefreshAsync(batch, now, repick: true, ct);
            clocks += db.ChangeTracker.Entries<ServiceLevelClock>().Count();
            earliest = EarliestMonth(earliest, db.ChangeTracker.Entries<ServiceLevelClock>());
            items += batch.Count;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Number;
        }
        db.SuppressClocks = false;
        var current = AttainmentRules.MonthOf(now);
        string? attainmentFrom = null;
        if (earliest is { } month)
        {
            var first = month < current ? month : current;
            await new AttainmentRollup(db).RebuildAsync(first, current, ct);
            attainmentFrom = AttainmentRules.Format(first);
        }
        db.Add(new AuditEntry
        {
            At = now, UserId = user.UserId, UserName = user.UserName, EntityType = nameof(ServiceLevelClock), EntityId = "recompute",
            Action = AuditAction.Updated,
            Changes = System.Text.Json.JsonSerializer.Serialize(new { Recomputed = new { Before = (object?)null, After = new { items, clocks, attainmentFrom } } }),
        });
        await db.SaveChangesAsync(ct);
        return new RecomputeView(items, clocks, attainmentFrom);
    }

    /// <summary>The earliest month a changed clock counted in before the recompute or counts in after it (unchanged ones keep their month).</summary>
    private static DateOnly? EarliestMonth(DateOnly? earliest, IEnumerable<EntityEntry<ServiceLevelClock>> entries)
    {
        foreach (var entry in entries.Where(e => e.State != EntityState.Unchanged))
        {
            var before = entry.State == EntityState.Added ? null : AttainmentRules.MonthOf(
                entry.Property(c => c.State).OriginalValue, entry.Property(c => c.DueAt).OriginalValue, entry.Property(c => c.StoppedAt).OriginalValue);
            var now = entry.State == EntityState.Deleted ? null : AttainmentRules.MonthOf(entry.Entity.State, entry.Entity.DueAt, entry.Entity.StoppedAt);
            foreach (var month in new[] { before, now }.OfType<DateOnly>())
            {
                earliest = earliest is { } e && e <= month ? e : month;
            }
        }
        return earliest;
    }

    private async Task<Error?> ValidateAsync(ServiceLevelPolicy policy, CancellationToken ct)
    {
        var errors = new FieldErrors();
        policy.Validate(errors);
        if (!await db.Set<BusinessCalendar>().AnyAsync(c => c.Id == policy.CalendarId, ct))
        {
            errors.Add("calendarId", "is not a calendar.");
        }
        var service = policy.ServiceId is { } sid ? await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        if (policy.ServiceId is not null && service is null)
        {
            errors.Add("serviceId", "is not a service.");
        }
        else if (service?.Lifecycle == ServiceLifecycle.Retired)
        {
            errors.Add("serviceId", "is retired: no new work can match it.");
        }
        if (policy.BusinessUnitId is { } unit)
        {
            if (!await db.Set<BusinessUnit>().AnyAsync(u => u.Id == unit, ct))
            {
                errors.Add("businessUnitId", "is not a business unit.");
            }
            else if (service is not null && !await db.Set<ServiceConsumer>().AnyAsync(c => c.ServiceId == service.Id && c.BusinessUnitId == unit, ct))
            {
                errors.Add("businessUnitId", "does not consume the service, so no item could match both.");
            }
        }
        foreach (var (field, team) in new[] { ("teamId", policy.TeamId), ("escalationTeamId", policy.EscalationTeamId) })
        {
            if (team is { } tid && !await db.Set<Team>().AnyAsync(t => t.Id == tid, ct))
            {
                errors.Add(field, "is not a team.");
            }
        }
        if (await db.Set<ServiceLevelPolicy>().AnyAsync(p => p.Name == policy.Name && p.Id != policy.Id, ct))
        {
            errors.Add("name", "another policy has this name.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    private async Task<List<PolicyView>> ViewsAsync(IReadOnlyList<ServiceLevelPolicy> policies, CancellationToken ct)
    {
        var serviceIds = policies.Select(p => p.ServiceId).OfType<Guid>().Distinct().ToList();
        var unitIds = policies.Select(p => p.BusinessUnitId).OfType<Guid>().Distinct().ToList();
        var teamIds = policies.SelectMany(p => new[] { p.TeamId, p.EscalationTeamId }).OfType<Guid>().Distinct().ToList();
        var calendarIds = policies.Select(p => p.CalendarId).Distinct().ToList();
        var services = await db.Set<Service>().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var units = await db.Set<BusinessUnit>().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var teams = await db.Set<Team>().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var calendars = await db.Set<BusinessCalendar>().Where(c => calendarIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        static Ref? R(Guid? id, Dictionary<Guid, string> names) => id is { } v ? new Ref(v, names.GetValueOrDefault(v, "")) : null;
        static TargetView? T(ServiceTarget? t) => t is null ? null : new TargetView(t.Amount, t.Unit, t.ToString());
        return [.. policies.Select(p => new PolicyView(
            p.Id, p.Name, p.Agreement, p.Order, p.IsActive, p.Kinds, R(p.ServiceId, services), p.Priorities, R(p.BusinessUnitId, units),
            R(p.TeamId, teams), R(p.CalendarId, calendars)!, T(p.Response), T(p.Resolution), p.WarningPercents,
            p.PauseReasons, p.PauseStates, p.StopStates, p.Escalation, R(p.EscalationTeamId, teams), p.Version))];
    }
}

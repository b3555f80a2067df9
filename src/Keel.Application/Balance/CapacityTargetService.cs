using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>The IT leader's capacity plans: read by balance readers, set, replaced and removed by the leader and admins.</summary>
public sealed class CapacityTargetService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    /// <summary>All plans, newest month first, the department's before the teams'. Bounded: one per scope and month.</summary>
    public async Task<Result<IReadOnlyList<CapacityTargetView>>> ListAsync(Guid? teamId, CancellationToken ct)
    {
        if (!BalanceAccess.ReadsBalance(user))
        {
            return Error.Forbidden("Only the IT leader, executives, team leads and admins read capacity targets.");
        }
        var query = db.Set<CapacityTarget>().AsNoTracking();
        if (teamId is { } team)
        {
            query = query.Where(t => t.TeamId == team);
        }
        var targets = await query.ToListAsync(ct);
        var names = await TeamNamesAsync(targets.Select(t => t.TeamId), ct);
        return targets.OrderByDescending(t => t.Period).ThenBy(t => t.TeamId is null ? "" : names.GetValueOrDefault(t.TeamId.Value), StringComparer.Ordinal)
            .Select(t => View(t, names)).ToList();
    }

    public async Task<Result<CapacityTargetView>> GetAsync(DateOnly period, Guid? teamId, CancellationToken ct)
    {
        if (!BalanceAccess.ReadsBalance(user))
        {
            return Error.Forbidden("Only the IT leader, executives, team leads and admins read capacity targets.");
        }
        var target = await FindAsync(period, teamId, ct);
        return target is null ? Error.NotFound("The capacity target") : View(target, await TeamNamesAsync([teamId], ct));
    }

    /// <summary>
    /// Sets the plan of a month (creating it: <c>expectedVersion</c> may be absent) or replaces it (it must match).
    /// Shares that do not add up to 100 are refused with field errors and nothing is written.
    /// </summary>
    public async Task<Result<(CapacityTargetView Target, bool Created)>> PutAsync(
        DateOnly period, Guid? teamId, CapacityTargetDraft draft, long? expectedVersion, CancellationToken ct)
    {
        if (!BalanceAccess.EditsSettings(user))
        {
            return Error.Forbidden("Only the IT leader and admins set capacity targets.");
        }
        if (teamId is { } team && !await db.Set<Team>().AnyAsync(t => t.Id == team, ct))
        {
            return Error.Validation("teamId", "is not a team.");
        }
        var errors = new FieldErrors();
        var shares = new TargetShares(Required(draft.Run, "run", errors), Required(draft.Debt, "debt", errors),
            Required(draft.Grow, "grow", errors), Required(draft.Transform, "transform", errors), Required(draft.Tolerance, "tolerance", errors));
        if (!errors.Any)
        {
            shares.Validate(errors);
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var target = await db.Set<CapacityTarget>().FirstOrDefaultAsync(t => t.TeamId == teamId && t.Period == Months.Of(period), ct);
        var created = target is null;
        if (target is null)
        {
            target = new CapacityTarget { TeamId = teamId, Period = Months.Of(period) };
            db.Add(target);
        }
        else if (expectedVersion is not { } expected)
        {
            return Error.PreconditionRequired();
        }
        else if (expected != target.Version)
        {
            return Error.Concurrency();
        }
        else
        {
            db.Entry(target).Property(t => t.Version).OriginalValue = expected;
        }
        target.Apply(shares);
        target.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (await SaveAsync(ct) is { } failed)
        {
            return failed;
        }
        return (View(target, await TeamNamesAsync([teamId], ct)), created);
    }

    public async Task<Result<bool>> DeleteAsync(DateOnly period, Guid? teamId, long? expectedVersion, CancellationToken ct)
    {
        if (!BalanceAccess.EditsSettings(user))
        {
            return Error.Forbidden("Only the IT leader and admins remove capacity targets.");
        }
        var target = await db.Set<CapacityTarget>().FirstOrDefaultAsync(t => t.TeamId == teamId && t.Period == Months.Of(period), ct);
        if (target is null)
        {
            return Error.NotFound("The capacity target");
        }
        if (expectedVersion is { } expected && expected != target.Version)
        {
            return Error.Concurrency();
        }
        db.Remove(target);
        return await db.SaveOrConflictAsync(ct) ?? (Result<bool>)true;
    }

    private async Task<Error?> SaveAsync(CancellationToken ct)
    {
        try
        {
            return await db.SaveOrConflictAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two leaders creating the same month's plan at once: the unique index keeps one; the other reloads.
            db.ChangeTracker.Clear();
            return Error.Concurrency();
        }
    }

    private Task<CapacityTarget?> FindAsync(DateOnly period, Guid? teamId, CancellationToken ct) =>
        db.Set<CapacityTarget>().AsNoTracking().FirstOrDefaultAsync(t => t.TeamId == teamId && t.Period == Months.Of(period), ct);

    private async Task<Dictionary<Guid, string>> TeamNamesAsync(IEnumerable<Guid?> teamIds, CancellationToken ct)
    {
        var ids = teamIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Set<Team>().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
    }

    private static decimal Required(decimal? value, string field, FieldErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, "is required.");
        }
        return value ?? 0m;
    }

    internal static CapacityTargetView View(CapacityTarget t, IReadOnlyDictionary<Guid, string> teamNames) => new(
        Months.Format(t.Period), t.TeamId is { } id ? new Ref(id, teamNames.GetValueOrDefault(id) ?? "") : null,
        t.Run, t.Debt, t.Grow, t.Transform, t.Tolerance, t.UpdatedAt, t.Version);
}

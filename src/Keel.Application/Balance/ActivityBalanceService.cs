using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>The effort logged in a period on work of one value-chain activity.</summary>
public sealed record ActivityShare(ValueChainActivity Activity, double Hours, double Share, int Items);

/// <summary>How the period's logged effort spreads over the six value-chain activities (all six, in the chain's order).</summary>
public sealed record ActivityDistribution(DateOnly From, DateOnly To, Ref? Team, double TotalHours, IReadOnlyList<ActivityShare> Activities);

/// <summary>
/// The distribution of effort over the value chain (issue 8): the minutes of every work log dated in [from, to), by the
/// activity of the work it was logged on; with a team, the time of the people who worked as that team, by the same
/// rule as the capacity balance (<see cref="BalanceUsage"/>).
/// </summary>
public sealed class ActivityBalanceService(KeelDb db, ICurrentUser user)
{
    public const int MaxDays = 731;

    public async Task<Result<ActivityDistribution>> DistributionAsync(DateOnly? from, DateOnly? to, Guid? teamId, CancellationToken ct)
    {
        if (!BalanceAccess.ReadsBalance(user))
        {
            return Error.Forbidden("The balance of work is read by the IT leader, executives, admins and team leads.");
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
        if (from is { } f && to is { } t && (t <= f || t.DayNumber - f.DayNumber > MaxDays))
        {
            errors.Add("to", $"must be after from, at most {MaxDays} days later.");
        }
        Team? team = null;
        if (teamId is { } id && (team = await db.Set<Team>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)) is null)
        {
            errors.Add("teamId", "is not a team.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var entries = await BalanceUsage.LoadAsync(db, from!.Value, to!.Value, team?.Id, null, ct);
        var rows = entries.GroupBy(e => e.Activity)
            .Select(g => new { Activity = g.Key, Minutes = g.Sum(e => e.Minutes), Items = g.Select(e => e.WorkItemId).Distinct().Count() })
            .ToList();
        var total = rows.Sum(r => r.Minutes);
        var shares = Enum.GetValues<ValueChainActivity>().Select(activity =>
        {
            var row = rows.FirstOrDefault(r => r.Activity == activity);
            var minutes = row?.Minutes ?? 0;
            return new ActivityShare(activity, minutes / 60.0, total == 0 ? 0 : (double)minutes / total, row?.Items ?? 0);
        }).ToList();
        return new ActivityDistribution(from!.Value, to!.Value, team is null ? null : new Ref(team.Id, team.Name), total / 60.0, shares);
    }
}

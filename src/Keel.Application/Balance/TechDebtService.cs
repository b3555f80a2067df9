using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Keeping the technical-debt register: items are created and changed by <see cref="BalanceAccess.DebtEditorRoles"/>
/// (service owners on their own services only); IT staff who read the register (agents included) may link and unlink
/// the incidents and problems the debt causes, since they are the ones who see it happen. Items are addressed by id or
/// by number (TD0001).
/// </summary>
public sealed class TechDebtService(KeelDb db, ICurrentUser user, TimeProvider time, DebtInterestReader interest)
{
    private const string Item = "The debt item";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Result<TechDebtView>> GetAsync(string key, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        return await FindAsync(key, tracked: false, ct) is { } item ? await ViewAsync(item, ct) : Error.NotFound(Item);
    }

    public async Task<Result<TechDebtView>> CreateAsync(TechDebtDraft draft, CancellationToken ct)
    {
        if (!BalanceAccess.DebtEditorRoles.Any(user.IsInRole) || user.UserId is not { } me)
        {
            return Error.Forbidden("Only problem and change managers, team leads, service owners, the IT leader and admins keep the debt register.");
        }
        var item = new TechDebtItem
        {
            Title = draft.Title?.Trim() ?? "",
            Description = draft.Description ?? "",
            ServiceId = draft.ServiceId ?? Guid.Empty,
            ConfigurationItemId = draft.ConfigurationItemId,
            RemediationEstimateHours = draft.RemediationEstimateHours ?? 0,
            ManualInterestHoursPerMonth = draft.ManualInterestHoursPerMonth,
            Risk = draft.Risk ?? DebtRisk.Medium,
            OwnerId = draft.OwnerId ?? me,
            PayoffInitiativeId = draft.PayoffInitiativeId,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        var errors = new FieldErrors();
        var change = await ValidateAsync(item, draft.PayoffChangeId, errors, ct);
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (!await EditsAsync(item.ServiceId, ct))
        {
            return Error.Forbidden("Service owners keep the debt of their own services only.");
        }
        await PayOffWithAsync(item, change, ct);
        item.Sequence = checked((int)await WorkNumbers.ReserveAsync(db, TechDebtNumber.Counter, 1, ct));
        item.Number = TechDebtNumber.Format(item.Sequence);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(item, ct);
    }

    public async Task<Result<TechDebtView>> UpdateAsync(string key, long expectedVersion, TechDebtPatch patch, CancellationToken ct)
    {
        var found = await EditableAsync(key, expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var item = found.Value!;
        item.Title = patch.Title.Or(item.Title)?.Trim() ?? "";
        item.Description = patch.Description.Or(item.Description) ?? "";
        item.ServiceId = patch.ServiceId.Or(item.ServiceId) ?? Guid.Empty;
        item.ConfigurationItemId = patch.ConfigurationItemId.Or(item.ConfigurationItemId);
        item.RemediationEstimateHours = patch.RemediationEstimateHours.Or(item.RemediationEstimateHours) ?? 0;
        item.ManualInterestHoursPerMonth = patch.ManualInterestHoursPerMonth.Or(item.ManualInterestHoursPerMonth);
        item.Risk = patch.Risk.IsSet ? patch.Risk.Value ?? (DebtRisk)(-1) : item.Risk;
        item.OwnerId = patch.OwnerId.Or(item.OwnerId) ?? Guid.Empty;
        item.PayoffInitiativeId = patch.PayoffInitiativeId.Or(item.PayoffInitiativeId);
        var errors = new FieldErrors();
        var change = await ValidateAsync(item, patch.PayoffChangeId.Or(item.PayoffChangeId), errors, ct);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.ToError();
        }
        if (patch.ServiceId.IsSet && !await EditsAsync(item.ServiceId, ct))
        {
            db.ChangeTracker.Clear();
            return Error.Forbidden("Service owners move debt only between their own services.");
        }
        if (patch.PayoffChangeId.IsSet)
        {
            await PayOffWithAsync(item, change, ct);
        }
        item.UpdatedAt = Now;
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<TechDebtView>)await ViewAsync(item, ct);
    }

    public async Task<Result<TechDebtView>> TransitionAsync(string key, long? expectedVersion, DebtTransition transition, CancellationToken ct)
    {
        if (transition.To is not { } to || !Enum.IsDefined(to))
        {
            return Error.Validation("to", "must be one of " + string.Join(", ", Enum.GetNames<DebtStatus>()) + ".");
        }
        var found = await EditableAsync(key, expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var item = found.Value!;
        if (item.MoveTo(to, Now) is { } illegal)
        {
            return illegal;
        }
        return await db.SaveOrConflictAsync(ct) ?? (Result<TechDebtView>)await ViewAsync(item, ct);
    }

    /// <summary>Links an incident or problem: the time logged on it becomes part of the item's interest.</summary>
    public async Task<Result<TechDebtView>> LinkAsync(string key, DebtLinkDraft draft, CancellationToken ct)
    {
        var found = await LinkableAsync(key, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var item = found.Value!;
        var visible = WorkAccess.Visible(db.Set<WorkItem>(), user, db.Set<Approval>(), db.Set<WorkFollower>(), db.Set<WorkStakeholder>());
        var work = draft.WorkItemId is { } id
            ? await visible.FirstOrDefaultAsync(w => w.Id == id, ct)
            : draft.Number is { } number && WorkNumber.TryParse(number, out var kind, out var sequence)
                ? await visible.FirstOrDefaultAsync(w => w.Number == WorkNumber.Format(kind, sequence), ct)
                : null;
        var field = draft.WorkItemId is null && draft.Number is not null ? "number" : "workItemId";
        if (work is null)
        {
            return Error.Validation(field, "is not an incident or problem you can see.");
        }
        if (work.Kind is not (WorkKind.Incident or WorkKind.Problem))
        {
            return Error.Validation(field, $"{work.Number} is not an incident or problem: only their time is interest on debt.");
        }
        if (await db.Set<TechDebtLink>().AnyAsync(l => l.DebtItemId == item.Id && l.WorkItemId == work.Id, ct))
        {
            return Error.Validation(field, $"{work.Number} is already linked to {item.Number}.");
        }
        db.Add(new TechDebtLink { DebtItemId = item.Id, WorkItemId = work.Id, LinkedById = user.UserId, LinkedAt = Now });
        await db.SaveChangesAsync(ct);
        return await ViewAsync(item, ct);
    }

    public async Task<Result<bool>> UnlinkAsync(string key, Guid workItemId, CancellationToken ct)
    {
        var found = await LinkableAsync(key, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var link = await db.Set<TechDebtLink>().FirstOrDefaultAsync(l => l.DebtItemId == found.Value!.Id && l.WorkItemId == workItemId, ct);
        if (link is null)
        {
            return Error.NotFound("The link");
        }
        db.Remove(link);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>What the caller may do with the item: edit it (editors, owners on their services), link work (IT staff too).</summary>
    internal async Task<(bool Edit, bool Link)> RightsAsync(TechDebtItem item, CancellationToken ct)
    {
        var edit = await EditsAsync(item.ServiceId, ct);
        return (edit, edit || ServiceAccess.StaffRoles.Any(user.IsInRole));
    }

    internal async Task<TechDebtItem?> FindAsync(string key, bool tracked, CancellationToken ct)
    {
        var items = tracked ? db.Set<TechDebtItem>() : db.Set<TechDebtItem>().AsNoTracking();
        if (Guid.TryParse(key, out var id))
        {
            return await items.FirstOrDefaultAsync(i => i.Id == id, ct);
        }
        return TechDebtNumber.TryParse(key, out var sequence) ? await items.FirstOrDefaultAsync(i => i.Sequence == sequence, ct) : null;
    }

    private async Task<Result<TechDebtItem>> EditableAsync(string key, long? expectedVersion, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        if (!BalanceAccess.DebtEditorRoles.Any(user.IsInRole))
        {
            return Error.Forbidden("Only problem and change managers, team leads, service owners, the IT leader and admins keep the debt register.");
        }
        if (await FindAsync(key, tracked: true, ct) is not { } item)
        {
            return Error.NotFound(Item);
        }
        if (!await EditsAsync(item.ServiceId, ct))
        {
            return Error.Forbidden("Service owners keep the debt of their own services only.");
        }
        return expectedVersion is { } expected && expected != item.Version ? Error.Concurrency() : item;
    }

    private async Task<Result<TechDebtItem>> LinkableAsync(string key, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        if (await FindAsync(key, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(Item);
        }
        return (await RightsAsync(item, ct)).Link ? item : Error.Forbidden("Only IT staff and the register's keepers link work to debt.");
    }

    private async Task<bool> EditsAsync(Guid serviceId, CancellationToken ct)
    {
        var owner = await db.Set<Service>().Where(s => s.Id == serviceId).Select(s => (Guid?)s.OwnerId).FirstOrDefaultAsync(ct);
        return BalanceAccess.EditsFor(user, BalanceAccess.DebtEditorRoles, owner);
    }

    /// <summary>Checks the item and its references; returns the payoff change (tracked) when one is named.</summary>
    private async Task<WorkItem?> ValidateAsync(TechDebtItem item, Guid? payoffChangeId, FieldErrors errors, CancellationToken ct)
    {
        item.Validate(errors);
        if (item.ServiceId != Guid.Empty && !await db.Set<Service>().AnyAsync(s => s.Id == item.ServiceId, ct))
        {
            errors.Add("serviceId", "is not a service.");
        }
        if (item.ConfigurationItemId is { } ci && !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == ci, ct))
        {
            errors.Add("configurationItemId", "is not a configuration item.");
        }
        if (item.OwnerId != Guid.Empty && !await db.Users.AnyAsync(u => u.Id == item.OwnerId && u.IsActive, ct))
        {
            errors.Add("ownerId", "is not an active person.");
        }
        if (item.PayoffInitiativeId is { } initiativeId && !await db.Set<Initiative>().AnyAsync(i => i.Id == initiativeId, ct))
        {
            errors.Add("payoffInitiativeId", "is not an initiative.");
        }
        if (payoffChangeId is not { } changeId)
        {
            return null;
        }
        var change = await db.Set<WorkItem>().FirstOrDefaultAsync(w => w.Id == changeId, ct);
        if (change is not { Kind: WorkKind.Change })
        {
            errors.Add("payoffChangeId", "is not a change.");
        }
        return change;
    }

    /// <summary>
    /// Names the change that pays the item off: it now remediates debt, so its default investment category becomes Debt
    /// (unless someone chose it by hand); a change no longer paying off any item goes back to its own default.
    /// </summary>
    private async Task PayOffWithAsync(TechDebtItem item, WorkItem? change, CancellationToken ct)
    {
        var previous = item.PayoffChangeId;
        item.PayoffChangeId = change?.Id;
        if (previous == change?.Id)
        {
            return;
        }
        if (previous is { } old && !await db.Set<TechDebtItem>().AnyAsync(i => i.PayoffChangeId == old && i.Id != item.Id, ct)
            && await db.Set<WorkItem>().FirstOrDefaultAsync(w => w.Id == old, ct) is { } released)
        {
            await RemediatesAsync(released, false, ct);
        }
        if (change is not null)
        {
            await RemediatesAsync(change, true, ct);
        }
    }

    /// <summary>The change's category follows the rules again: its initiative's category still wins over Debt.</summary>
    private async Task RemediatesAsync(WorkItem change, bool remediates, CancellationToken ct)
    {
        change.Change("remediatesDebt", change.RemediatesDebt, remediates, v => change.RemediatesDebt = v, user.UserId, Now, internalLine: true);
        await WorkClassifier.ReclassifyAsync(db, change, user.UserId, Now, ct);
        change.UpdatedAt = Now;
    }

    internal async Task<TechDebtView> ViewAsync(TechDebtItem item, CancellationToken ct)
    {
        var figure = await interest.ForAsync(item, ct);
        var (from, to) = DebtInterest.WindowOf(interest.Today);
        var service = await db.Set<Service>().Where(s => s.Id == item.ServiceId).Select(s => new Ref(s.Id, s.Name)).FirstAsync(ct);
        var ci = item.ConfigurationItemId is { } ciId
            ? await db.Set<ConfigurationItem>().Where(c => c.Id == ciId).Select(c => new Ref(c.Id, c.Name)).FirstOrDefaultAsync(ct)
            : null;
        var names = await db.DisplayNamesAsync([item.OwnerId], ct);
        var change = item.PayoffChangeId is { } changeId
            ? await db.Set<WorkItem>().Where(w => w.Id == changeId).Select(w => new WorkRef(w.Number, w.Title)).FirstOrDefaultAsync(ct)
            : null;
        var initiative = item.PayoffInitiativeId is { } initiativeId
            ? await db.Set<Initiative>().Where(i => i.Id == initiativeId).Select(i => new InitiativeRef(i.Id, i.Number, i.Name)).FirstOrDefaultAsync(ct)
            : null;
        var (edit, link) = await RightsAsync(item, ct);
        return new TechDebtView(item.Id, item.Number, item.Title, item.Description, service, ci, item.RemediationEstimateHours,
            item.ManualInterestHoursPerMonth, item.Risk, item.Status, new Ref(item.OwnerId, names.GetValueOrDefault(item.OwnerId, "")),
            item.PayoffChangeId, change, item.PayoffInitiativeId, initiative, DebtInterestView.Of(figure),
            Round(DebtPayback.MonthsToPayBack(item.RemediationEstimateHours, figure)), from, to.AddDays(-1),
            await interest.LinkedWorkAsync(item.Id, ct), edit ? DebtLifecycle.AllowedFrom(item.Status) : [], edit, link,
            item.CreatedAt, item.UpdatedAt, item.Version);
    }

    internal static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    internal static Error NotForYou() => Error.Forbidden("The technical-debt register is for IT staff and the leaders.");
}

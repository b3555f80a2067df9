using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>What a work item invests in and where it sits in the value chain, with whether a person chose it.</summary>
public sealed record WorkInvestmentView(
    string Number, WorkKind Kind, InvestmentCategory InvestmentCategory, bool InvestmentCategoryByHand,
    ValueChainActivity ValueChainActivity, bool ValueChainActivityByHand, InitiativeRef? Initiative, bool CanEdit, long Version);

/// <summary>A reference to an initiative: its id, number and name.</summary>
public sealed record InitiativeRef(Guid Id, string Number, string Name);

/// <summary>
/// The by-hand part of the classification: null sets a field back to its rule (and clears the by-hand flag), a value
/// pins it. <see cref="InitiativeId"/> null unlinks.
/// </summary>
public sealed record WorkInvestmentPatch(
    Optional<InvestmentCategory?> InvestmentCategory = default,
    Optional<ValueChainActivity?> ValueChainActivity = default,
    Optional<Guid?> InitiativeId = default);

/// <summary>
/// Reads and changes a work item's investment category, value-chain activity and initiative by number, for any kind.
/// Those who may change the item (IT staff) may change these; every change is a history line of the item.
/// </summary>
public sealed class WorkInvestmentService(KeelDb db, ICurrentUser user, TimeProvider time, WorkItemService work)
{
    public const string InitiativeField = "initiative";

    public async Task<Result<WorkInvestmentView>> GetAsync(string number, CancellationToken ct) =>
        await FindAsync(number, tracked: false, ct) is { } item ? await ViewAsync(item, ct) : NotFound(number);

    public async Task<Result<WorkInvestmentView>> UpdateAsync(string number, long expectedVersion, WorkInvestmentPatch patch, CancellationToken ct)
    {
        var item = await FindAsync(number, tracked: true, ct);
        if (item is null)
        {
            return NotFound(number);
        }
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff classify work.");
        }
        if (item.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var me = user.UserId;
        if (patch.InitiativeId.IsSet)
        {
            if (patch.InitiativeId.Value is { } initiativeId && !await db.Set<Initiative>().AnyAsync(i => i.Id == initiativeId, ct))
            {
                return Error.Validation("initiativeId", "is not an initiative.");
            }
            item.Change(InitiativeField, item.InitiativeId, patch.InitiativeId.Value, v => item.InitiativeId = v, me, now, internalLine: true);
        }
        if (patch.InvestmentCategory.IsSet)
        {
            var byHand = patch.InvestmentCategory.Value is not null;
            item.Change("investmentCategoryByHand", item.InvestmentCategoryByHand, byHand, v => item.InvestmentCategoryByHand = v, me, now, internalLine: true);
            if (patch.InvestmentCategory.Value is { } category)
            {
                item.Change("investmentCategory", item.InvestmentCategory, category, v => item.InvestmentCategory = v, me, now, internalLine: true);
            }
        }
        if (patch.ValueChainActivity.IsSet)
        {
            var byHand = patch.ValueChainActivity.Value is not null;
            item.Change("valueChainActivityByHand", item.ValueChainActivityByHand, byHand, v => item.ValueChainActivityByHand = v, me, now, internalLine: true);
            if (patch.ValueChainActivity.Value is { } activity)
            {
                item.Change("valueChainActivity", item.ValueChainActivity, activity, v => item.ValueChainActivity = v, me, now, internalLine: true);
            }
        }
        // What is left to the rules follows the new link (or the reset) at once.
        await WorkClassifier.ReclassifyAsync(db, item, me, now, ct);
        db.Entry(item).Property(w => w.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<WorkInvestmentView>)await ViewAsync(item, ct);
    }

    private async Task<WorkItem?> FindAsync(string number, bool tracked, CancellationToken ct) =>
        WorkNumber.TryParse(number, out var kind, out _) ? await work.FindAsync(kind, number, tracked, ct) : null;

    private async Task<WorkInvestmentView> ViewAsync(WorkItem item, CancellationToken ct)
    {
        var initiative = item.InitiativeId is { } id
            ? await db.Set<Initiative>().Where(i => i.Id == id).Select(i => new InitiativeRef(i.Id, i.Number, i.Name)).FirstOrDefaultAsync(ct)
            : null;
        return new WorkInvestmentView(item.Number, item.Kind, item.InvestmentCategory, item.InvestmentCategoryByHand, item.ValueChainActivity,
            item.ValueChainActivityByHand, initiative, WorkAccess.IsWorker(user), item.Version);
    }

    private static Error NotFound(string number) => Error.NotFound($"The work item {number}");
}

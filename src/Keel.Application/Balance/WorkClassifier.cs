using Keel.Application.Data;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Gives work its investment category and value-chain activity from <see cref="WorkClassification"/>, reading what the
/// rules need from the item's links: its initiative's category and, for a task, its request's category. Every create
/// path calls <see cref="DefaultsAsync"/>; linking or unlinking an initiative calls <see cref="ReclassifyAsync"/>.
/// Static (like WorkNumbers), so the create services keep their constructors.
/// </summary>
public static class WorkClassifier
{
    /// <summary>Sets a new item's defaults before it is first saved (no history line: it is born with them).</summary>
    public static async Task DefaultsAsync(KeelDb db, WorkItem item, CancellationToken ct, WorkItem? parent = null)
    {
        var (initiative, parentCategory) = await InputsAsync(db, item, parent, ct);
        if (!item.InvestmentCategoryByHand)
        {
            item.InvestmentCategory = WorkClassification.DefaultCategory(item.Kind, initiative, item.RemediatesDebt, parentCategory);
        }
        if (!item.ValueChainActivityByHand)
        {
            item.ValueChainActivity = WorkClassification.DefaultActivity(item.Kind, item.State, item.InitiativeId is not null);
        }
    }

    /// <summary>Applies the rules again to what was not set by hand, writing a history line for each value that moves.</summary>
    public static async Task ReclassifyAsync(KeelDb db, WorkItem item, Guid? actorId, DateTime now, CancellationToken ct)
    {
        var (initiative, parentCategory) = await InputsAsync(db, item, null, ct);
        item.Classify(initiative, parentCategory, actorId, now);
    }

    private static async Task<(InvestmentCategory? Initiative, InvestmentCategory? Parent)> InputsAsync(
        KeelDb db, WorkItem item, WorkItem? parent, CancellationToken ct)
    {
        InvestmentCategory? initiative = item.InitiativeId is { } initiativeId
            ? await db.Set<Initiative>().Where(i => i.Id == initiativeId).Select(i => (InvestmentCategory?)i.Category).FirstOrDefaultAsync(ct)
            : null;
        InvestmentCategory? parentCategory = null;
        if (item.Kind == WorkKind.Task && item.ParentId is { } parentId)
        {
            parent ??= db.Set<WorkItem>().Local.FirstOrDefault(w => w.Id == parentId);
            parentCategory = parent?.InvestmentCategory
                ?? await db.Set<WorkItem>().Where(w => w.Id == parentId).Select(w => (InvestmentCategory?)w.InvestmentCategory).FirstOrDefaultAsync(ct);
        }
        return (initiative, parentCategory);
    }
}

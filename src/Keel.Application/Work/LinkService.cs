using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>A link as seen from one item: outgoing ("this item was caused by …") or incoming ("… was caused by this item").</summary>
public sealed record LinkView(Guid Id, WorkLinkType Type, bool Outgoing, WorkRef Item, WorkKind Kind, WorkState State);

public sealed record LinkDraft(WorkLinkType? Type, string? Number);

/// <summary>
/// Typed links between work items, for IT staff (a link shows another item's title, which a requester may not see).
/// Duplicates are linked by merging, not by hand.
/// </summary>
public sealed class LinkService(KeelDb db, ICurrentUser user, TimeProvider time, WorkItemService work)
{
    public async Task<Result<IReadOnlyList<LinkView>>> ListAsync(WorkKind kind, string number, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff read the links between items.");
        }
        if (await work.FindAsync(kind, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var links = await db.Set<WorkLink>().Where(l => l.FromId == item.Id || l.ToId == item.Id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var otherIds = links.Select(l => l.FromId == item.Id ? l.ToId : l.FromId).Distinct().ToList();
        var others = await db.Set<WorkItem>().Where(w => otherIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Number, w.Title, w.Kind, w.State }).ToDictionaryAsync(w => w.Id, ct);
        return links.Select(l =>
        {
            var other = others[l.FromId == item.Id ? l.ToId : l.FromId];
            return new LinkView(l.Id, l.Type, l.FromId == item.Id, new WorkRef(other.Number, other.Title), other.Kind, other.State);
        }).ToList();
    }

    public async Task<Result<LinkView>> AddAsync(WorkKind kind, string number, LinkDraft draft, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff link items.");
        }
        if (await work.FindAsync(kind, number, tracked: true, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var errors = new FieldErrors();
        if (draft.Type is not (WorkLinkType.CausedBy or WorkLinkType.RelatedTo))
        {
            errors.Add("type", "must be CausedBy or RelatedTo (duplicates are merged).");
        }
        var target = WorkNumber.TryParse(draft.Number, out var targetKind, out _) && WorkNumber.TryNormalize(draft.Number, targetKind, out var normalized)
            ? await db.Set<WorkItem>().FirstOrDefaultAsync(w => w.Number == normalized, ct)
            : null;
        if (target is null)
        {
            errors.Add("number", "is not a work item.");
        }
        else if (target.Id == item.Id)
        {
            errors.Add("number", "is this item itself.");
        }
        else if (draft.Type is { } type && await db.Set<WorkLink>().AnyAsync(l => l.FromId == item.Id && l.ToId == target.Id && l.Type == type, ct))
        {
            errors.Add("number", "is already linked this way.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var link = new WorkLink { FromId = item.Id, ToId = target!.Id, Type = draft.Type!.Value, CreatedById = user.UserId, CreatedAt = now };
        db.Add(link);
        item.Events.Add(new WorkEvent { WorkItemId = item.Id, At = now, ActorId = user.UserId, Type = WorkEventType.Linked, Field = link.Type.ToString(), To = target.Number, Internal = true });
        return await db.SaveOrConflictAsync(ct) ?? (Result<LinkView>)new LinkView(link.Id, link.Type, true, new WorkRef(target.Number, target.Title), target.Kind, target.State);
    }

    public async Task<Result<bool>> RemoveAsync(WorkKind kind, string number, Guid linkId, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff link items.");
        }
        if (await work.FindAsync(kind, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var link = await db.Set<WorkLink>().FirstOrDefaultAsync(l => l.Id == linkId && (l.FromId == item.Id || l.ToId == item.Id) && l.Type != WorkLinkType.DuplicateOf, ct);
        if (link is null)
        {
            return Error.NotFound("The link");
        }
        db.Remove(link);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

public sealed record StakeholderView(Ref Person, string? JobTitle, DateTime Since, Ref? AddedBy);

/// <summary>Someone offered as a stakeholder, and why: the service's owner, or a person of a business unit consuming it.</summary>
public sealed record StakeholderSuggestion(Ref Person, string? JobTitle, string Reason);

public sealed record StakeholderDraft(Guid? PersonId);

public sealed record StakeholderUpdateDraft(string? Message, DateTime? NextUpdateAt);

public sealed record StakeholderUpdateView(Guid Id, Ref Author, string Message, DateTime? NextUpdateAt, DateTime CreatedAt);

/// <summary>What the record's major-incident banner says: since when and by whom, how many are informed, when they were last and are next.</summary>
public sealed record MajorIncidentSummary(DateTime? DeclaredAt, Ref? DeclaredBy, int Stakeholders, DateTime? LastUpdateAt, DateTime? NextUpdateAt);

/// <summary>
/// The people kept informed of a major incident and the updates sent to them. IT staff manage stakeholders (offered,
/// never added silently) and send updates; an update is a public entry of the conversation, so the requester,
/// followers and stakeholders all read it, and each is notified by the same save (NotificationInterceptor).
/// </summary>
public sealed class StakeholderService(KeelDb db, ICurrentUser user, TimeProvider time, WorkItemService work)
{
    /// <summary>Business units can be large: offer their heads first and stop here.</summary>
    public const int MaxSuggestions = 50;

    private static readonly KeysetPager<WorkStakeholder> Pager = new(s => s.PersonId, SortKey<WorkStakeholder>.By("since", s => s.Since));
    private static readonly KeysetPager<WorkComment> UpdatePager = new(c => c.Id, SortKey<WorkComment>.By("createdAt", c => c.CreatedAt));

    public async Task<Result<Page<StakeholderView>>> ListAsync(string number, PageRequest page, CancellationToken ct)
    {
        var found = await FindForStaffAsync(number, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var itemId = found.Value!.Id;
        var result = await Pager.PageAsync(db.Set<WorkStakeholder>().AsNoTracking().Where(s => s.WorkItemId == itemId), page, ct);
        return result.IsSuccess ? new Page<StakeholderView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    /// <summary>The service's owner and the people of the business units consuming the service who are not stakeholders yet.</summary>
    public async Task<Result<IReadOnlyList<StakeholderSuggestion>>> SuggestionsAsync(string number, CancellationToken ct)
    {
        var found = await FindForStaffAsync(number, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var item = found.Value!;
        var service = await db.Set<Service>().Where(s => s.Id == item.ServiceId).Select(s => new { s.Name, s.OwnerId }).FirstAsync(ct);
        var units = await db.Set<ServiceConsumer>().Where(c => c.ServiceId == item.ServiceId)
            .Join(db.Set<BusinessUnit>(), c => c.BusinessUnitId, u => u.Id, (_, u) => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var unitIds = units.Keys.ToList();
        var taken = db.Set<WorkStakeholder>().Where(s => s.WorkItemId == item.Id).Select(s => s.PersonId);
        var people = await db.Users
            .Where(u => u.IsActive && !taken.Contains(u.Id) && u.Id != item.RequesterId && u.Id != item.RequestedForId
                        && (u.Id == service.OwnerId || (u.BusinessUnitId != null && unitIds.Contains(u.BusinessUnitId.Value))))
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle, u.BusinessUnitId, u.ManagerId })
            .ToListAsync(ct);
        var unitOf = people.ToDictionary(p => p.Id, p => p.BusinessUnitId);
        // A unit's heads are the people whose manager sits outside it (or who have none).
        bool IsHead(Guid? manager, Guid? unit) => manager is not { } m || !unitOf.TryGetValue(m, out var managerUnit) || managerUnit != unit;
        return people
            .Select(p => new
            {
                Suggestion = new StakeholderSuggestion(new Ref(p.Id, p.DisplayName), p.JobTitle,
                    p.Id == service.OwnerId ? $"Owner of {service.Name}" : $"{units[p.BusinessUnitId!.Value]}, a consumer of {service.Name}"),
                Rank = p.Id == service.OwnerId ? 0 : IsHead(p.ManagerId, p.BusinessUnitId) ? 1 : 2,
            })
            .OrderBy(s => s.Rank).ThenBy(s => s.Suggestion.Reason, StringComparer.CurrentCulture).ThenBy(s => s.Suggestion.Person.Name, StringComparer.CurrentCulture)
            .Take(MaxSuggestions).Select(s => s.Suggestion).ToList();
    }

    /// <summary>Adds people as stakeholders of a major incident (each a history line); someone already one is refused.</summary>
    public async Task<Result<IReadOnlyList<StakeholderView>>> AddAsync(string number, IReadOnlyList<Guid> personIds, CancellationToken ct)
    {
        var found = await FindForStaffAsync(number, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var item = found.Value!;
        if (MajorIncident.CheckMajor(item) is { } notMajor)
        {
            return notMajor;
        }
        var wanted = personIds.Distinct().ToList();
        var active = await db.Users.Where(u => wanted.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        if (wanted.Count == 0 || active.Count != wanted.Count)
        {
            return Error.Validation("personId", "is not an active person.");
        }
        if (await db.Set<WorkStakeholder>().AnyAsync(s => s.WorkItemId == item.Id && wanted.Contains(s.PersonId), ct))
        {
            return Error.Conflict("That person is already a stakeholder of this incident.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var added = wanted.Select(p => new WorkStakeholder { WorkItemId = item.Id, PersonId = p, Since = now, AddedById = user.UserId }).ToList();
        db.AddRange(added);
        item.Events.AddRange(wanted.Select(p => MajorIncident.StakeholderLine(item, p, added: true, user.UserId, now)));
        item.UpdatedAt = now;
        return await db.SaveOrConflictAsync(ct) ?? Result<IReadOnlyList<StakeholderView>>.Ok(await ViewsAsync(added, ct));
    }

    public async Task<Result<bool>> RemoveAsync(string number, Guid personId, CancellationToken ct)
    {
        var found = await FindForStaffAsync(number, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var item = found.Value!;
        var stakeholder = await db.Set<WorkStakeholder>().FirstOrDefaultAsync(s => s.WorkItemId == item.Id && s.PersonId == personId, ct);
        if (stakeholder is null)
        {
            return Error.NotFound("The stakeholder");
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.Remove(stakeholder);
        item.Events.Add(MajorIncident.StakeholderLine(item, personId, added: false, user.UserId, now));
        item.UpdatedAt = now;
        return await db.SaveOrConflictAsync(ct) ?? Result<bool>.Ok(true);
    }

    /// <summary>Sends an update on a major incident: stored as a public reply, told to its stakeholders, requester and followers.</summary>
    public async Task<Result<StakeholderUpdateView>> SendUpdateAsync(string number, StakeholderUpdateDraft draft, CancellationToken ct)
    {
        var found = await FindForStaffAsync(number, tracked: true, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var item = found.Value!;
        if (MajorIncident.CheckMajor(item) is { } notMajor)
        {
            return notMajor;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        MajorIncident.ValidateUpdate(draft.Message, draft.NextUpdateAt, now, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var update = new WorkComment
        {
            WorkItemId = item.Id, AuthorId = user.UserId ?? Guid.Empty, Body = draft.Message!.Trim(), StakeholderUpdate = true,
            NextUpdateAt = draft.NextUpdateAt, CreatedAt = now,
        };
        db.Add(update);
        item.Events.Add(new WorkEvent { WorkItemId = item.Id, At = now, ActorId = user.UserId, Type = WorkEventType.UpdateSent });
        item.UpdatedAt = now;
        item.RecordAgentReply(now);
        return await db.SaveOrConflictAsync(ct) ?? (Result<StakeholderUpdateView>)View(update, await db.DisplayNamesAsync([update.AuthorId], ct));
    }

    /// <summary>The updates sent, oldest first; public, so everyone who may open the incident reads them.</summary>
    public async Task<Result<Page<StakeholderUpdateView>>> UpdatesAsync(string number, PageRequest page, CancellationToken ct)
    {
        if (await work.FindAsync(WorkKind.Incident, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(WorkKind.Incident));
        }
        var result = await UpdatePager.PageAsync(db.Set<WorkComment>().AsNoTracking().Where(c => c.WorkItemId == item.Id && c.StakeholderUpdate && !c.Internal), page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var names = await db.DisplayNamesAsync(result.Value!.Items.Select(c => c.AuthorId), ct);
        return result.Value.Map(c => View(c, names));
    }

    public async Task<Result<MajorIncidentSummary>> SummaryAsync(string number, CancellationToken ct)
    {
        var found = await FindForStaffAsync(number, tracked: false, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var id = found.Value!.Id;
        var declared = await db.Set<WorkEvent>()
            .Where(e => e.WorkItemId == id && e.Type == WorkEventType.FieldChanged && e.Field == MajorIncident.Field && e.To == bool.TrueString)
            .OrderByDescending(e => e.Id).Select(e => new { e.At, e.ActorId }).FirstOrDefaultAsync(ct);
        var last = await db.Set<WorkComment>().Where(c => c.WorkItemId == id && c.StakeholderUpdate)
            .OrderByDescending(c => c.CreatedAt).Select(c => new { c.CreatedAt, c.NextUpdateAt }).FirstOrDefaultAsync(ct);
        var count = await db.Set<WorkStakeholder>().CountAsync(s => s.WorkItemId == id, ct);
        var names = await db.DisplayNamesAsync(declared?.ActorId is { } actor ? [actor] : [], ct);
        return new MajorIncidentSummary(declared?.At, declared?.ActorId is { } by ? new Ref(by, names.GetValueOrDefault(by, "")) : null,
            count, last?.CreatedAt, last?.NextUpdateAt);
    }

    private async Task<Result<WorkItem>> FindForStaffAsync(string number, bool tracked, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff manage a major incident's stakeholders and updates.");
        }
        return await work.FindAsync(WorkKind.Incident, number, tracked, ct) is { } item ? item : Error.NotFound(WorkItemService.Describe(WorkKind.Incident));
    }

    private async Task<IReadOnlyList<StakeholderView>> ViewsAsync(IReadOnlyList<WorkStakeholder> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.PersonId).ToList();
        var people = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.JobTitle }).ToDictionaryAsync(u => u.Id, ct);
        var adders = await db.DisplayNamesAsync(rows.Select(r => r.AddedById ?? Guid.Empty), ct);
        return rows.Select(r => new StakeholderView(
            new Ref(r.PersonId, people.GetValueOrDefault(r.PersonId)?.DisplayName ?? ""), people.GetValueOrDefault(r.PersonId)?.JobTitle, r.Since,
            r.AddedById is { } by ? new Ref(by, adders.GetValueOrDefault(by, "")) : null)).ToList();
    }

    private static StakeholderUpdateView View(WorkComment c, Dictionary<Guid, string> names) =>
        new(c.Id, new Ref(c.AuthorId, names.GetValueOrDefault(c.AuthorId, "")), c.Body, c.NextUpdateAt, c.CreatedAt);
}

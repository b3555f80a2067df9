using Keel.Application.Changes;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Balance;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Application.Work;

public sealed record WorkPatch(
    Optional<string?> Title = default,
    Optional<string?> Description = default,
    Optional<int?> Impact = default,
    Optional<int?> Urgency = default,
    Optional<string?> Category = default,
    Optional<Guid?> ConfigurationItemId = default,
    Optional<Guid?> Team = default,
    Optional<Guid?> Assignee = default,
    Optional<bool?> IsMajor = default,
    Optional<InvestmentCategory?> InvestmentCategory = default);

/// <summary>Reading, listing, changing and moving work of any kind, with the visibility rules of <see cref="WorkAccess"/>.</summary>
public sealed class WorkItemService(
    KeelDb db, ICurrentUser user, TimeProvider time, WorkViews views, WorkEffects effects, ChangeTransitions? changes = null)
{
    // Changes move through the same endpoint; their own rules (type, window, authority) come from the Changes area.
    private ChangeTransitions Changes => changes ?? new ChangeTransitions(db, user, Options.Create(new ChangeOptions()));

    public async Task<Result<WorkItemView>> GetAsync(WorkKind kind, string number, CancellationToken ct) =>
        await FindAsync(kind, number, tracked: false, ct) is { } item ? await views.OneAsync(item, ct) : Error.NotFound(Describe(kind));

    public async Task<Result<Page<WorkItemView>>> ListAsync(WorkKind kind, WorkFilter filter, PageRequest page, CancellationToken ct)
    {
        var errors = new FieldErrors();
        WorkQueries.Validate(filter, kind, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var query = WorkQueries.Apply(Visible().Where(w => w.Kind == kind), filter);
        query = WorkSearch.Matching(db, query, WorkSearch.Terms(filter.Q));
        var result = await WorkQueries.Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? new Page<WorkItemView>(await views.ManyAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<WorkItemView>> UpdateAsync(WorkKind kind, string number, long expectedVersion, WorkPatch patch, CancellationToken ct)
    {
        var item = await FindAsync(kind, number, tracked: true, ct);
        if (item is null)
        {
            return Error.NotFound(Describe(kind));
        }
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff change work items; reply or cancel instead.");
        }
        if (item.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var me = user.UserId;
        var errors = new FieldErrors();
        if (!item.IsOpen && (patch.Title.IsSet || patch.Impact.IsSet || patch.Urgency.IsSet || patch.Team.IsSet || patch.Assignee.IsSet))
        {
            return Error.Conflict($"{item.Number} is {item.State}; reopen it before changing it.");
        }
        var major = patch.IsMajor.Or(item.IsMajor) ?? false;
        if (MajorIncident.CheckDeclaration(item, major) is { } refused)
        {
            return refused;
        }
        item.Change("title", item.Title, patch.Title.Or(item.Title)?.Trim() ?? "", v => item.Title = v, me, now);
        item.Change("description", item.Description, patch.Description.Or(item.Description) ?? "", v => item.Description = v, me, now);
        item.Change("category", item.Category, patch.Category.Or(item.Category)?.Trim() is { Length: > 0 } c ? c : null, v => item.Category = v, me, now);
        // Declaring and standing down are public lines: the requester sees that their incident is handled as major.
        item.Change(MajorIncident.Field, item.IsMajor, major, v => item.IsMajor = v, me, now);
        if (patch.InvestmentCategory.IsSet)
        {
            if (patch.InvestmentCategory.Value is not { } category || !Enum.IsDefined(category))
            {
                errors.Add("investmentCategory", "must be Run, Debt, Grow or Transform.");
            }
            else
            {
                item.Change("investmentCategory", item.InvestmentCategory, category, v => item.InvestmentCategory = v, me, now);
                item.InvestmentCategoryByHand = true; // chosen by a person: the rules leave it alone from now on
            }
        }
        if (patch.ConfigurationItemId.IsSet)
        {
            if (patch.ConfigurationItemId.Value is { } ci && !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == ci, ct))
            {
                errors.Add("configurationItemId", "is not a configuration item.");
            }
            item.Change("configurationItem", item.ConfigurationItemId, patch.ConfigurationItemId.Value, v => item.ConfigurationItemId = v, me, now);
        }
        if (patch.Impact.IsSet || patch.Urgency.IsSet)
        {
            var impact = patch.Impact.Or(item.Impact) ?? 0;
            var urgency = patch.Urgency.Or(item.Urgency) ?? 0;
            if (PriorityMatrix.IsLevel(impact) && PriorityMatrix.IsLevel(urgency))
            {
                item.SetPriorityInputs(impact, urgency, (await WorkSettingsService.CurrentAsync(db, ct)).Matrix, me, now);
            }
        }
        if (patch.Team.IsSet || patch.Assignee.IsSet)
        {
            await AssignAsync(item, patch.Team.Or(item.TeamId), patch.Assignee.Or(item.AssigneeId), errors, now, ct);
        }
        item.Validate(errors);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.ToError();
        }
        db.Entry(item).Property(w => w.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<WorkItemView>)await views.OneAsync(item, ct);
    }

    /// <summary>Moves the item (API.md transitions); a given version must match. Side effects (tasks, approvals, children) follow in the same save.</summary>
    public async Task<Result<WorkItemView>> TransitionAsync(WorkKind kind, string number, long? expectedVersion, TransitionRequest request, CancellationToken ct)
    {
        var item = await FindAsync(kind, number, tracked: true, ct);
        if (item is null)
        {
            return Error.NotFound(Describe(kind));
        }
        if (expectedVersion is { } version && version != item.Version)
        {
            return Error.Concurrency();
        }
        var settings = await WorkSettingsService.CurrentAsync(db, ct);
        var context = new TransitionContext(user.UserId, WorkAccess.MoverOf(user, item), time.GetUtcNow().UtcDateTime, settings.ReopenWindow);
        // Followers (requesters of merged duplicates) read and reply, but only the item's own requester moves it.
        if (context.Mover == Mover.Requester && item.RequesterId != user.UserId && item.RequestedForId != user.UserId)
        {
            return Error.Forbidden("Only the person who raised the item, or IT staff, may move it.");
        }
        ChangeMove? change = null;
        if (item.Kind == WorkKind.Change && Workflows.Change.Uses(request.To))
        {
            var checkedChange = await Changes.BeforeAsync(item, request, context, ct);
            if (!checkedChange.IsSuccess)
            {
                return checkedChange.Error!;
            }
            change = checkedChange.Value;
        }
        var from = item.State;
        if ((item.Transition(request, context) ?? await Problems.ProblemMoves.CheckAsync(db, item, context.ActorId, Problems.ProblemAccess.CanDecide(user), context.Now, ct)) is { } error)
        {
            return error;
        }
        await effects.AfterTransitionAsync(item, request, context, ct);
        if (change is not null)
        {
            await Changes.AfterAsync(item, change, from, context, ct);
        }
        return await db.SaveOrConflictAsync(ct) ?? (Result<WorkItemView>)await views.OneAsync(item, ct);
    }

    internal async Task AssignAsync(WorkItem item, Guid? teamId, Guid? assigneeId, FieldErrors errors, DateTime now, CancellationToken ct)
    {
        if (teamId is { } team && !await db.Set<Team>().AnyAsync(t => t.Id == team, ct))
        {
            errors.Add("team", "is not a team.");
            return;
        }
        if (assigneeId is { } person)
        {
            if (!await db.Users.AnyAsync(u => u.Id == person && u.IsActive, ct))
            {
                errors.Add("assignee", "is not an active person.");
                return;
            }
            if (teamId is { } t && !await db.Set<TeamMember>().AnyAsync(m => m.TeamId == t && m.UserId == person, ct))
            {
                errors.Add("assignee", "is not a member of the assigned team.");
                return;
            }
        }
        item.Assign(teamId, assigneeId, user.UserId, now);
    }

    internal IQueryable<WorkItem> Visible() => WorkAccess.Visible(db.Set<WorkItem>(), user, db.Set<Approval>(), db.Set<WorkFollower>(), db.Set<WorkStakeholder>());

    internal async Task<WorkItem?> FindAsync(WorkKind kind, string number, bool tracked, CancellationToken ct)
    {
        if (!WorkNumber.TryNormalize(number, kind, out var normalized))
        {
            return null;
        }
        var query = Visible().Where(w => w.Number == normalized);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    internal static string Describe(WorkKind kind) => $"The {kind.ToString().ToLowerInvariant()}";
}

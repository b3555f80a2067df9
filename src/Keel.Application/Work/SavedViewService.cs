using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>
/// A saved view as its reader sees it: the filter as it can be used today, what had to be left out of it
/// (<see cref="Warnings"/>), whether it is the reader's default and what the reader may do with it.
/// </summary>
public sealed record SavedViewView(
    Guid Id, string Name, Ref Owner, Ref? Team, QueueView Filter, bool IsDefault, bool CanChange, bool CanDelete,
    IReadOnlyList<string> Warnings, DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>A new view: <c>team</c> shares it with one of the author's teams; <c>filter</c> is the document of <see cref="QueueViewDocument"/>.</summary>
public sealed record SavedViewDraft(string? Name, Guid? Team, JsonElement? Filter, bool? IsDefault);

public sealed record SavedViewPatch(
    Optional<string?> Name = default, Optional<Guid?> Team = default, Optional<JsonElement?> Filter = default, Optional<bool> IsDefault = default);

/// <summary>Who works in the agent workspace: the people who may keep saved views.</summary>
public static class WorkspaceAccess
{
    public static readonly IReadOnlyList<string> Roles = [Domain.Platform.Roles.Agent, Domain.Platform.Roles.TeamLead, Domain.Platform.Roles.Admin];

    public static bool CanUse(ICurrentUser user) => Roles.Any(user.IsInRole);

    public static Error NotForYou() => Error.Forbidden("Saved views belong to the agent workspace: agents, team leads and admins.");
}

/// <summary>
/// Saved views of the agent workspace: personal or shared with one of the author's teams, one default per person.
/// Each person lists their own and their teams' shared views; only the author changes a view; the author, the
/// lead of its team and admins delete a shared one (<see cref="SavedViewRules"/>).
/// </summary>
public sealed class SavedViewService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    private static readonly KeysetPager<SavedView> Pager = new(v => v.Id, SortKey<SavedView>.By("name", v => v.Name), SortKey<SavedView>.By("updatedAt", v => v.UpdatedAt));

    private Guid Me => user.UserId ?? Guid.Empty;

    public async Task<Result<Page<SavedViewView>>> ListAsync(PageRequest page, CancellationToken ct)
    {
        if (!WorkspaceAccess.CanUse(user))
        {
            return WorkspaceAccess.NotForYou();
        }
        var me = Me;
        var myTeams = await MyTeamsAsync(ct);
        var query = db.Set<SavedView>().AsNoTracking().Where(v => v.OwnerId == me || (v.TeamId != null && myTeams.Contains(v.TeamId.Value)));
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? new Page<SavedViewView>(await ViewsAsync(result.Value!.Items, myTeams, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<SavedViewView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!WorkspaceAccess.CanUse(user))
        {
            return WorkspaceAccess.NotForYou();
        }
        var myTeams = await MyTeamsAsync(ct);
        var view = await db.Set<SavedView>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        return view is not null && await ReachableAsync(view, myTeams, ct) ? (await ViewsAsync([view], myTeams, ct))[0] : Error.NotFound("The saved view");
    }

    /// <summary>The view the caller's workspace opens with, if they chose one they can still see.</summary>
    public async Task<Result<SavedViewView?>> GetDefaultAsync(CancellationToken ct)
    {
        if (!WorkspaceAccess.CanUse(user))
        {
            return WorkspaceAccess.NotForYou();
        }
        var me = Me;
        var myTeams = await MyTeamsAsync(ct);
        var view = await db.Set<DefaultSavedView>().Where(d => d.UserId == me)
            .Join(db.Set<SavedView>(), d => d.SavedViewId, v => v.Id, (_, v) => v).AsNoTracking().FirstOrDefaultAsync(ct);
        return view is not null && SavedViewRules.CanSee(view, me, myTeams) ? (await ViewsAsync([view], myTeams, ct))[0] : (SavedViewView?)null;
    }

    public async Task<Result<SavedViewView>> CreateAsync(SavedViewDraft draft, CancellationToken ct)
    {
        if (!WorkspaceAccess.CanUse(user))
        {
            return WorkspaceAccess.NotForYou();
        }
        var me = Me;
        if (await db.Set<SavedView>().CountAsync(v => v.OwnerId == me, ct) >= SavedView.MaxPerOwner)
        {
            return Error.Conflict($"You have {SavedView.MaxPerOwner} saved views, the most one person keeps; delete one first.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var view = new SavedView { Name = draft.Name?.Trim() ?? "", OwnerId = me, TeamId = draft.Team, Filter = "", CreatedAt = now, UpdatedAt = now };
        var errors = new FieldErrors();
        view.Filter = await FilterAsync(draft.Filter, errors, ct);
        if (await ValidateAsync(view, errors, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(view);
        if (draft.IsDefault == true)
        {
            await SetDefaultAsync(view.Id, true, ct);
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(view.Id, ct);
    }

    public async Task<Result<SavedViewView>> UpdateAsync(Guid id, long expectedVersion, SavedViewPatch patch, CancellationToken ct)
    {
        if (!WorkspaceAccess.CanUse(user))
        {
            return WorkspaceAccess.NotForYou();
        }
        var me = Me;
        var myTeams = await MyTeamsAsync(ct);
        var view = await db.Set<SavedView>().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (view is null || !SavedViewRules.CanSee(view, me, myTeams))
        {
            return Error.NotFound("The saved view");
        }
        var changesView = patch.Name.IsSet || patch.Team.IsSet || patch.Filter.IsSet;
        if (changesView && !SavedViewRules.CanChange(view, me))
        {
            return Error.Forbidden("Only the author of a saved view changes it; save your own copy instead.");
        }
        if (view.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var errors = new FieldErrors();
        if (changesView)
        {
            view.Name = patch.Name.Or(view.Name)?.Trim() ?? "";
            view.TeamId = patch.Team.Or(view.TeamId);
            if (patch.Filter.IsSet)
            {
                view.Filter = await FilterAsync(patch.Filter.Value, errors, ct);
            }
            if (await ValidateAsync(view, errors, ct) is { } invalid)
            {
                return invalid;
            }
            view.UpdatedAt = time.GetUtcNow().UtcDateTime;
        }
        if (patch.IsDefault.IsSet)
        {
            await SetDefaultAsync(view.Id, patch.IsDefault.Value, ct);
        }
        db.Entry(view).Property(v => v.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? await GetAsync(id, ct);
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (!WorkspaceAccess.CanUse(user))
        {
            return WorkspaceAccess.NotForYou();
        }
        var view = await db.Set<SavedView>().FirstOrDefaultAsync(v => v.Id == id, ct);
        var myTeams = await MyTeamsAsync(ct);
        if (view is null || !await ReachableAsync(view, myTeams, ct))
        {
            return Error.NotFound("The saved view");
        }
        if (!await CanDeleteAsync(view, ct))
        {
            return Error.Forbidden("Only the author deletes a saved view; a shared one also its team's lead or an admin.");
        }
        db.Remove(view);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The view as it can be used now: services that no longer exist are left out and said so. Used for saved views
    /// and for /work's address alike.
    /// </summary>
    public async Task<(QueueView View, IReadOnlyList<string> Warnings)> CheckAsync(QueueView view, CancellationToken ct)
    {
        var existing = await ExistingServicesAsync(view.Services, ct);
        return WithoutMissing(view, existing);
    }

    private static (QueueView View, IReadOnlyList<string> Warnings) WithoutMissing(QueueView view, HashSet<Guid> existing)
    {
        var missing = view.Services.Where(s => !existing.Contains(s)).ToList();
        if (missing.Count == 0)
        {
            return (view, []);
        }
        var kept = view.Services.Except(missing).ToList();
        var warning = (missing.Count == 1 ? "A service this view filters on no longer exists" : $"{missing.Count} services this view filters on no longer exist")
            + (kept.Count == 0 ? "; it shows every service instead." : "; it shows the others.");
        return (view with { Service = kept.Count > 0 ? kept : null }, [warning]);
    }

    private async Task<string> FilterAsync(JsonElement? document, FieldErrors errors, CancellationToken ct)
    {
        if (document is not { } filter)
        {
            errors.Add("filter", "is required: the queue, filters and sort to keep.");
            return "";
        }
        var problems = new List<QueueViewProblem>();
        var view = QueueViewDocument.Read(filter, problems);
        foreach (var problem in problems)
        {
            errors.Add(problem.Field, problem.Message);
        }
        if (problems.Count == 0 && (await ExistingServicesAsync(view.Services, ct)).Count < view.Services.Count)
        {
            errors.Add("filter.service", "names a service that does not exist.");
        }
        var text = QueueViewDocument.Write(view);
        if (text.Length > SavedView.FilterMaxLength)
        {
            errors.Add("filter", $"is too long (at most {SavedView.FilterMaxLength} characters when stored).");
        }
        return text;
    }

    private async Task<Error?> ValidateAsync(SavedView view, FieldErrors errors, CancellationToken ct)
    {
        SavedViewRules.Validate(view, errors);
        if (view.TeamId is { } team && !(await MyTeamsAsync(ct)).Contains(team))
        {
            errors.Add("team", "must be one of your teams: a view is shared with a team its author belongs to.");
        }
        if (!errors.Any && await db.Set<SavedView>().AnyAsync(v => v.Id != view.Id && v.OwnerId == view.OwnerId && v.Name == view.Name, ct))
        {
            errors.Add("name", "is already the name of one of your views.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    private async Task SetDefaultAsync(Guid viewId, bool isDefault, CancellationToken ct)
    {
        var me = Me;
        var current = await db.Set<DefaultSavedView>().FirstOrDefaultAsync(d => d.UserId == me, ct);
        if (isDefault && current is null)
        {
            db.Add(new DefaultSavedView { UserId = me, SavedViewId = viewId });
        }
        else if (isDefault)
        {
            current!.SavedViewId = viewId;
        }
        else if (current?.SavedViewId == viewId)
        {
            db.Remove(current);
        }
    }

    /// <summary>Those who may see it, and those who may delete it (an admin reaches a team's view to tidy it).</summary>
    private async Task<bool> ReachableAsync(SavedView view, IReadOnlyCollection<Guid> myTeams, CancellationToken ct) =>
        SavedViewRules.CanSee(view, Me, myTeams) || await CanDeleteAsync(view, ct);

    private async Task<bool> CanDeleteAsync(SavedView view, CancellationToken ct)
    {
        var me = Me;
        var teamsILead = user.IsInRole(Roles.TeamLead) && view.TeamId is not null
            ? await db.Set<Team>().Where(t => t.LeadId == me).Select(t => t.Id).ToListAsync(ct)
            : [];
        return SavedViewRules.CanDelete(view, me, teamsILead, user.IsInRole(Roles.Admin));
    }

    private async Task<List<Guid>> MyTeamsAsync(CancellationToken ct)
    {
        var me = Me;
        return await db.Set<TeamMember>().Where(m => m.UserId == me).Select(m => m.TeamId).ToListAsync(ct);
    }

    private async Task<HashSet<Guid>> ExistingServicesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : (await db.Set<Service>().Where(s => list.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct)).ToHashSet();
    }

    private async Task<List<SavedViewView>> ViewsAsync(IReadOnlyList<SavedView> views, IReadOnlyCollection<Guid> myTeams, CancellationToken ct)
    {
        var me = Me;
        var people = await db.DisplayNamesAsync(views.Select(v => v.OwnerId), ct);
        var teamIds = views.Select(v => v.TeamId).OfType<Guid>().Distinct().ToList();
        var teams = await db.Set<Team>().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => new { t.Name, t.LeadId }, ct);
        var defaultId = await db.Set<DefaultSavedView>().Where(d => d.UserId == me).Select(d => (Guid?)d.SavedViewId).FirstOrDefaultAsync(ct);
        var stored = views.Select(v => Read(v.Filter)).ToList();
        var services = await ExistingServicesAsync(stored.SelectMany(r => r.View.Services), ct);
        var admin = user.IsInRole(Roles.Admin);
        var lead = user.IsInRole(Roles.TeamLead);
        var result = new List<SavedViewView>();
        foreach (var (v, (read, problems)) in views.Zip(stored))
        {
            var (filter, missing) = WithoutMissing(read, services);
            IReadOnlyList<string> warnings = [.. problems, .. missing];
            var teamsILead = lead && v.TeamId is { } t && teams.TryGetValue(t, out var team) && team.LeadId == me ? new[] { t } : [];
            result.Add(new SavedViewView(
                v.Id, v.Name, new Ref(v.OwnerId, people.GetValueOrDefault(v.OwnerId, "")),
                v.TeamId is { } teamId ? new Ref(teamId, teams.TryGetValue(teamId, out var named) ? named.Name : "") : null,
                filter, defaultId == v.Id, SavedViewRules.CanChange(v, me), SavedViewRules.CanDelete(v, me, teamsILead, admin),
                warnings, v.CreatedAt, v.UpdatedAt, v.Version));
        }
        return result;
    }

    /// <summary>A stored document is read as untrusted input: what cannot be used is left out and named.</summary>
    private static (QueueView View, IReadOnlyList<string> Warnings) Read(string stored)
    {
        var problems = new List<QueueViewProblem>();
        try
        {
            using var document = JsonDocument.Parse(stored);
            var view = QueueViewDocument.Read(document.RootElement, problems);
            return (view, problems.Select(p => p.Warning).ToList());
        }
        catch (JsonException)
        {
            return (new QueueView(), ["This view's filter could not be read; it opens the default queue."]);
        }
    }
}

using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

public sealed record AssignmentRuleView(
    Guid Id, int Order, string Name, WorkKind? Kind, Ref? Service, string? Category, Ref? ConfigurationItem, Ref Team,
    AgentStrategy Strategy, long Version);

public sealed record AssignmentRuleDraft(
    string? Name, WorkKind? Kind, Guid? ServiceId, string? Category, Guid? ConfigurationItemId, Guid? TeamId, AgentStrategy? Strategy);

public sealed record AssignmentRulePatch(
    Optional<string?> Name, Optional<WorkKind?> Kind, Optional<Guid?> ServiceId, Optional<string?> Category,
    Optional<Guid?> ConfigurationItemId, Optional<Guid?> TeamId, Optional<AgentStrategy?> Strategy);

public sealed record AssignmentRuleFilter(string? Q = null, Guid? TeamId = null);

/// <summary>
/// Assignment rules: every IT staff member reads them (to know why work landed where it did); only admins change them.
/// Team leads do not write rules, not even for their own team: the first matching rule wins across all teams, so any
/// new or reordered rule can take work away from another team's rules, which is an admin's call.
/// </summary>
public sealed class AssignmentRuleService(KeelDb db, ICurrentUser user)
{
    private static readonly KeysetPager<AssignmentRule> Pager = new(r => r.Id,
        SortKey<AssignmentRule>.By("order", r => r.Order), SortKey<AssignmentRule>.By("name", r => r.Name));

    public async Task<Result<Page<AssignmentRuleView>>> ListAsync(AssignmentRuleFilter filter, PageRequest page, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return CannotRead();
        }
        var query = db.Set<AssignmentRule>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            query = query.Where(r => r.Name.Contains(filter.Q.Trim()));
        }
        if (filter.TeamId is { } team)
        {
            query = query.Where(r => r.TeamId == team);
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? new Page<AssignmentRuleView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<AssignmentRuleView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return CannotRead();
        }
        var rule = await db.Set<AssignmentRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return rule is null ? Error.NotFound("The assignment rule") : (await ViewsAsync([rule], ct))[0];
    }

    /// <summary>A new rule goes last, so it never takes work from the rules admins already ordered.</summary>
    public async Task<Result<AssignmentRuleView>> CreateAsync(AssignmentRuleDraft draft, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return CannotChange();
        }
        var rule = new AssignmentRule
        {
            Name = draft.Name?.Trim() ?? "",
            Kind = draft.Kind,
            ServiceId = draft.ServiceId,
            Category = Clean(draft.Category),
            ConfigurationItemId = draft.ConfigurationItemId,
            TeamId = draft.TeamId ?? Guid.Empty,
            Strategy = draft.Strategy ?? AgentStrategy.Manual,
        };
        if (await ValidateAsync(rule, ct) is { } invalid)
        {
            return invalid;
        }
        rule.Order = (await db.Set<AssignmentRule>().MaxAsync(r => (int?)r.Order, ct) ?? 0) + 1;
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return await GetAsync(rule.Id, ct);
    }

    public async Task<Result<AssignmentRuleView>> UpdateAsync(Guid id, long expectedVersion, AssignmentRulePatch patch, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return CannotChange();
        }
        var rule = await db.Set<AssignmentRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Error.NotFound("The assignment rule");
        }
        if (rule.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        rule.Name = patch.Name.Or(rule.Name)?.Trim() ?? "";
        rule.Kind = patch.Kind.Or(rule.Kind);
        rule.ServiceId = patch.ServiceId.Or(rule.ServiceId);
        rule.Category = patch.Category.IsSet ? Clean(patch.Category.Value) : rule.Category;
        rule.ConfigurationItemId = patch.ConfigurationItemId.Or(rule.ConfigurationItemId);
        rule.TeamId = patch.TeamId.IsSet ? patch.TeamId.Value ?? Guid.Empty : rule.TeamId;
        rule.Strategy = patch.Strategy.IsSet ? patch.Strategy.Value ?? AgentStrategy.Manual : rule.Strategy;
        if (await ValidateAsync(rule, ct) is { } invalid)
        {
            return invalid;
        }
        db.Entry(rule).Property(r => r.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<AssignmentRuleView>)await GetAsync(id, ct);
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return CannotChange();
        }
        var rule = await db.Set<AssignmentRule>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return Error.NotFound("The assignment rule");
        }
        db.Remove(rule);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Puts every rule in the order given (the first matching rule wins). The list must name each rule once: a rule
    /// added or deleted since the caller read the list makes it stale, and nothing is reordered.
    /// </summary>
    public async Task<Result<IReadOnlyList<AssignmentRuleView>>> ReorderAsync(IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return CannotChange();
        }
        var errors = new FieldErrors();
        Reordering.Validate(ids, "rule", errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var rules = await db.Set<AssignmentRule>().ToListAsync(ct);
        if (Reordering.Positions(ids!, [.. rules.Select(r => r.Id)]) is not { } position)
        {
            return Error.Concurrency();
        }
        foreach (var rule in rules.Where(r => r.Order != position[r.Id]))
        {
            rule.Order = position[rule.Id];
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return conflict;
        }
        return await ViewsAsync(AssignmentRule.InOrder(rules).ToList(), ct);
    }

    private async Task<Error?> ValidateAsync(AssignmentRule rule, CancellationToken ct)
    {
        var errors = new FieldErrors();
        rule.Validate(errors);
        var lowered = rule.Name.ToLower();
        if (!string.IsNullOrWhiteSpace(rule.Name)
            && await db.Set<AssignmentRule>().AnyAsync(r => r.Id != rule.Id && r.Name.ToLower() == lowered, ct))
        {
            errors.Add("name", "is already used by another rule.");
        }
        if (rule.TeamId != Guid.Empty && !await db.Set<Team>().AnyAsync(t => t.Id == rule.TeamId, ct))
        {
            errors.Add("teamId", "is not a team.");
        }
        else if (rule.TeamId != Guid.Empty && rule.Strategy != AgentStrategy.Manual && !await HasActiveMemberAsync(rule.TeamId, ct))
        {
            errors.Add("strategy", "needs a team with at least one active member to hand work to; choose Manual or add members first.");
        }
        if (rule.ServiceId is { } service && !await db.Set<Service>().AnyAsync(s => s.Id == service, ct))
        {
            errors.Add("serviceId", "is not a service.");
        }
        if (rule.ConfigurationItemId is { } ci && !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == ci, ct))
        {
            errors.Add("configurationItemId", "is not a configuration item.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    private Task<bool> HasActiveMemberAsync(Guid teamId, CancellationToken ct) => WorkRouting.ActiveMembers(db, teamId).AnyAsync(ct);

    /// <summary>Views of rules with the names of their service, CI and team, in three queries whatever the count.</summary>
    internal async Task<List<AssignmentRuleView>> ViewsAsync(IReadOnlyList<AssignmentRule> rules, CancellationToken ct)
    {
        var services = await WorkViews.NamesAsync(db.Set<Service>(), rules.Select(r => r.ServiceId), s => new { s.Id, s.Name }, x => x.Id, x => x.Name, ct);
        var cis = await WorkViews.NamesAsync(db.Set<ConfigurationItem>(), rules.Select(r => r.ConfigurationItemId), c => new { c.Id, c.Name }, x => x.Id, x => x.Name, ct);
        var teams = await WorkViews.NamesAsync(db.Set<Team>(), rules.Select(r => (Guid?)r.TeamId), t => new { t.Id, t.Name }, x => x.Id, x => x.Name, ct);
        return rules.Select(r => new AssignmentRuleView(
            r.Id, r.Order, r.Name, r.Kind,
            r.ServiceId is { } s ? new Ref(s, services.GetValueOrDefault(s, "")) : null,
            r.Category,
            r.ConfigurationItemId is { } c ? new Ref(c, cis.GetValueOrDefault(c, "")) : null,
            new Ref(r.TeamId, teams.GetValueOrDefault(r.TeamId, "")),
            r.Strategy, r.Version)).ToList();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Error CannotRead() => Error.Forbidden("Only IT staff read the assignment rules.");

    private static Error CannotChange() => Error.Forbidden("Only admins change the assignment rules.");
}

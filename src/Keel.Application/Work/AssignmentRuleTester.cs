using Keel.Application.Platform;
using Keel.Application.Data;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>The item the tester imagines: what routing looks at when work is raised.</summary>
public sealed record RouteQuestion(WorkKind? Kind, Guid? ServiceId, string? Category, Guid? ConfigurationItemId);

/// <summary>
/// Where such an item would go now: the winning rule and its place in the order (none when a fallback decided), the
/// team, the strategy, why, and the agent the strategy would choose at this moment.
/// </summary>
public sealed record RouteAnswer(AssignmentRuleView? Rule, int? Position, Ref? Team, AgentStrategy Strategy, RouteSource Source, Ref? Agent);

/// <summary>
/// "Test the rules": asks the router itself (<see cref="WorkRouting.PreviewAsync"/>), so the answer is the one a new
/// item would get. Read-only; open to the same IT staff who read the rules.
/// </summary>
public sealed class AssignmentRuleTester(KeelDb db, ICurrentUser user, WorkRouting routing, AssignmentRuleService rules)
{
    public async Task<Result<RouteAnswer>> TestAsync(RouteQuestion question, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff read the assignment rules.");
        }
        var errors = new FieldErrors();
        if (question.Kind is not { } kind || !AssignmentRule.RoutedKinds.Contains(kind))
        {
            errors.Add("kind", "must be Incident or Request.");
        }
        if (question.ServiceId is not { } service || !await db.Set<Service>().AnyAsync(s => s.Id == service, ct))
        {
            errors.Add("serviceId", question.ServiceId is null ? "is required: every item is raised against a service." : "is not a service.");
        }
        errors.Optional("category", question.Category, AssignmentRule.CategoryMaxLength);
        if (question.ConfigurationItemId is { } ci && !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == ci, ct))
        {
            errors.Add("configurationItemId", "is not a configuration item.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }

        var facts = new RoutingFacts(question.Kind!.Value, question.ServiceId!.Value,
            string.IsNullOrWhiteSpace(question.Category) ? null : question.Category.Trim(), question.ConfigurationItemId);
        var settings = await WorkSettingsService.CurrentAsync(db, ct);
        var (route, agent) = await routing.PreviewAsync(facts, null, settings, ct);
        AssignmentRuleView? rule = null;
        int? position = null;
        if (route.Rule is { } winner)
        {
            rule = (await rules.ViewsAsync([winner], ct))[0];
            var ordered = AssignmentRule.InOrder(await db.Set<AssignmentRule>().AsNoTracking().ToListAsync(ct)).ToList();
            position = ordered.FindIndex(r => r.Id == winner.Id) + 1;
        }
        var team = route.TeamId is { } teamId
            ? await db.Set<Team>().Where(t => t.Id == teamId).Select(t => new Ref(t.Id, t.Name)).FirstOrDefaultAsync(ct)
            : null;
        var agentRef = agent is { } person
            ? await db.Users.Where(u => u.Id == person).Select(u => new Ref(u.Id, u.DisplayName)).FirstOrDefaultAsync(ct)
            : null;
        return new RouteAnswer(rule, position, team, route.Strategy, route.Source, agentRef);
    }
}

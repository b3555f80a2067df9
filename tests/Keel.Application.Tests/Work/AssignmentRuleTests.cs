using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Work;

public sealed class AssignmentRuleTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TestUser Admin = TestUser.Admin;

    private sealed record Rules(AssignmentRuleService Service, AssignmentRuleTester Tester);

    private static async Task<T> RulesAsync<T>(WorkWorld world, ICurrentUser user, Func<Rules, Task<T>> action)
    {
        await using var db = world.Database.NewDbContext(user);
        var service = new AssignmentRuleService(db, user);
        return await action(new Rules(service, new AssignmentRuleTester(db, user, new WorkRouting(db), service)));
    }

    private static Task<Result<AssignmentRuleView>> AddAsync(WorkWorld world, AssignmentRuleDraft draft, ICurrentUser? by = null) =>
        RulesAsync(world, by ?? Admin, r => r.Service.CreateAsync(draft, Ct));

    private static Task<Result<RouteAnswer>> TestAsync(WorkWorld world, WorkKind kind, string? category = null, Guid? ci = null) =>
        RulesAsync(world, world.Agent, r => r.Tester.TestAsync(new RouteQuestion(kind, world.Service.Id, category, ci), Ct));

    private static Task<Result<WorkItemView>> RaiseAsync(WorkWorld world, string? category = null, Guid? ci = null) =>
        world.RunAsync(world.Agent, u => u.Incidents.CreateAsync(new IncidentDraft("Cannot connect", null, world.Service.Id, ci, "requester", 2, 2, category), Ct));

    private static async Task<Guid> AddCiAsync(WorkWorld world, string name)
    {
        var ci = new ConfigurationItem { Name = name, Type = CiTypes.Server };
        await using var db = world.Database.NewDbContext();
        db.Add(ci);
        await db.SaveChangesAsync(Ct);
        return ci.Id;
    }

    [Theory, DatabaseData]
    public async Task Create_ByAdmin_GoesLastAndRoutesNewIncidentsToItsTeamAndAgent(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);

        var first = (await AddAsync(world, new AssignmentRuleDraft("Requests", WorkKind.Request, null, null, null, world.Desk.Id, null))).Value!;
        var network = (await AddAsync(world, new AssignmentRuleDraft("Network", WorkKind.Incident, world.Service.Id, " Network ", null, world.Field.Id, AgentStrategy.RoundRobin))).Value!;
        var raised = (await RaiseAsync(world, category: "network")).Value!;

        (first.Order, network.Order).ShouldBe((1, 2));
        (network.Category, network.Service!.Name, network.Team.Name, network.Version).ShouldBe(("Network", "Workplace", "Field Services", 0L));
        raised.Team!.Id.ShouldBe(world.Field.Id);
        raised.Assignee!.Id.ShouldBe(world.Agent2.UserId!.Value);
    }

    [Theory, DatabaseData]
    public async Task Create_BadReferencesAndDuplicateName_FieldErrorsAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        (await AddAsync(world, new AssignmentRuleDraft("Network", null, null, null, null, world.Desk.Id, null))).IsSuccess.ShouldBeTrue();

        var result = await AddAsync(world, new AssignmentRuleDraft("NETWORK", WorkKind.Task, Guid.NewGuid(), new string('c', 101), Guid.NewGuid(), Guid.NewGuid(), null));
        var noTeam = await AddAsync(world, new AssignmentRuleDraft(" ", null, null, null, null, null, null));

        result.Error!.Fields!.Keys.Order().ShouldBe(["category", "configurationItemId", "kind", "name", "serviceId", "teamId"]);
        result.Error.Fields["name"].ShouldBe(["is already used by another rule."]);
        noTeam.Error!.Fields!.Keys.Order().ShouldBe(["name", "teamId"]);
        await using var db = database.NewDbContext();
        (await db.Set<AssignmentRule>().CountAsync(Ct)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task Create_HandOutToATeamWithoutActiveMembers_RefusedOnTheStrategy(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var empty = new Team { Name = "Night shift" };
        await using (var db = database.NewDbContext())
        {
            db.Add(empty);
            await db.SaveChangesAsync(Ct);
        }

        var handOut = await AddAsync(world, new AssignmentRuleDraft("Nights", null, null, null, null, empty.Id, AgentStrategy.LeastLoaded));
        var queue = await AddAsync(world, new AssignmentRuleDraft("Nights", null, null, null, null, empty.Id, AgentStrategy.Manual));

        handOut.Error!.Fields!.Keys.ShouldBe(["strategy"]);
        queue.IsSuccess.ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task Access_StaffReadAndTestOnlyAdminsWrite(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var lead = new TestUser("lead", world.Agent.UserId, Roles.TeamLead);
        var rule = (await AddAsync(world, new AssignmentRuleDraft("Desk", null, null, null, null, world.Desk.Id, null))).Value!;

        (await AddAsync(world, new AssignmentRuleDraft("Mine", null, null, null, null, world.Desk.Id, null), lead)).Error!.Code.ShouldBe("forbidden");
        (await RulesAsync(world, world.Agent, r => r.Service.UpdateAsync(rule.Id, rule.Version, Patch(name: "x"), Ct))).Error!.Code.ShouldBe("forbidden");
        (await RulesAsync(world, lead, r => r.Service.ReorderAsync([rule.Id], Ct))).Error!.Code.ShouldBe("forbidden");
        (await RulesAsync(world, world.Agent, r => r.Service.DeleteAsync(rule.Id, Ct))).Error!.Code.ShouldBe("forbidden");
        (await RulesAsync(world, world.Agent, r => r.Service.ListAsync(new AssignmentRuleFilter(), new PageRequest(), Ct))).Value!.Items.Select(r => r.Name).ShouldBe(["Desk"]);
        (await RulesAsync(world, world.Requester, r => r.Service.GetAsync(rule.Id, Ct))).Error!.Code.ShouldBe("forbidden");
        (await RulesAsync(world, world.Requester, r => r.Tester.TestAsync(new RouteQuestion(WorkKind.Incident, world.Service.Id, null, null), Ct))).Error!.Code.ShouldBe("forbidden");
    }

    [Theory, DatabaseData]
    public async Task Reorder_LaterRuleMovedUp_NowWinsAndAStaleListChangesNothing(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var byService = (await AddAsync(world, new AssignmentRuleDraft("Workplace", null, world.Service.Id, null, null, world.Desk.Id, null))).Value!;
        var byCategory = (await AddAsync(world, new AssignmentRuleDraft("Hardware", WorkKind.Incident, null, "Hardware", null, world.Field.Id, null))).Value!;
        (await TestAsync(world, WorkKind.Incident, "hardware")).Value!.Rule!.Name.ShouldBe("Workplace");

        var reordered = await RulesAsync(world, Admin, r => r.Service.ReorderAsync([byCategory.Id, byService.Id], Ct));
        var stale = await RulesAsync(world, Admin, r => r.Service.ReorderAsync([byService.Id], Ct));
        var twice = await RulesAsync(world, Admin, r => r.Service.ReorderAsync([byService.Id, byService.Id], Ct));

        reordered.Value!.Select(r => (r.Name, r.Order)).ShouldBe([("Hardware", 1), ("Workplace", 2)]);
        var answer = (await TestAsync(world, WorkKind.Incident, "hardware")).Value!;
        (answer.Rule!.Name, answer.Position, answer.Team!.Name).ShouldBe(("Hardware", 1, "Field Services"));
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        twice.Error!.Fields!.Keys.ShouldBe(["ids"]);
        (await RaiseAsync(world, category: "Hardware")).Value!.Team!.Id.ShouldBe(world.Field.Id);
    }

    [Theory, DatabaseData]
    public async Task Update_StaleVersion_ConflictAndRuleUnchanged(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var rule = (await AddAsync(world, new AssignmentRuleDraft("Desk", null, null, null, null, world.Desk.Id, null))).Value!;

        var changed = await RulesAsync(world, Admin, r => r.Service.UpdateAsync(rule.Id, rule.Version, Patch(strategy: AgentStrategy.LeastLoaded, category: "Email"), Ct));
        var stale = await RulesAsync(world, Admin, r => r.Service.UpdateAsync(rule.Id, rule.Version, Patch(name: "Late"), Ct));

        (changed.Value!.Strategy, changed.Value.Category, changed.Value.Version).ShouldBe((AgentStrategy.LeastLoaded, "Email", rule.Version + 1));
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        (await RulesAsync(world, Admin, r => r.Service.GetAsync(rule.Id, Ct))).Value!.Name.ShouldBe("Desk");
    }

    [Theory, DatabaseData]
    public async Task Tester_ForEachKindOfItem_AnswersWhatTheRouterThenDoes(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var database1 = await AddCiAsync(world, "db-01");
        await AddAsync(world, new AssignmentRuleDraft("Database", WorkKind.Incident, null, null, database1, world.Desk.Id, AgentStrategy.LeastLoaded));
        await AddAsync(world, new AssignmentRuleDraft("Email", null, null, "Email", null, world.Field.Id, AgentStrategy.Manual));
        await AddAsync(world, new AssignmentRuleDraft("Desk round robin", WorkKind.Incident, world.Service.Id, "Desk", null, world.Desk.Id, AgentStrategy.RoundRobin));

        foreach (var (category, ci) in new (string?, Guid?)[] { (null, database1), (null, database1), ("email", null), ("Desk", null), ("Desk", null), (null, null) })
        {
            var answer = (await TestAsync(world, WorkKind.Incident, category, ci)).Value!;
            var raised = (await RaiseAsync(world, category, ci)).Value!;
            database.Time.Advance(TimeSpan.FromMinutes(1));

            (raised.Team?.Id, raised.Assignee?.Id).ShouldBe((answer.Team?.Id, answer.Agent?.Id), $"{category}/{ci}");
        }
        var request = (await RulesAsync(world, world.Agent, r => r.Tester.TestAsync(new RouteQuestion(WorkKind.Request, world.Service.Id, null, null), Ct))).Value!;
        var raisedRequest = (await world.RunAsync(world.Requester, u => u.Requests.CreateAsync(
            new RequestDraft(world.Laptop.Id, JsonSerializer.SerializeToElement(new { reason = "Mine broke" }), null), Ct))).Value!;
        (request.Source, request.Team!.Id).ShouldBe((RouteSource.ServiceTeam, raisedRequest.Team!.Id));
    }

    [Theory, DatabaseData]
    public async Task Tester_NoRuleMatches_NamesTheFallbackAndRefusesAnUnknownService(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);

        var incident = (await TestAsync(world, WorkKind.Incident)).Value!;
        var unknown = await RulesAsync(world, world.Agent, r => r.Tester.TestAsync(new RouteQuestion(WorkKind.Task, Guid.NewGuid(), null, null), Ct));

        (incident.Rule, incident.Source, incident.Team!.Name, incident.Strategy, incident.Agent).ShouldBe((null, RouteSource.DefaultIncidentTeam, "Service Desk", AgentStrategy.Manual, null));
        unknown.Error!.Fields!.Keys.Order().ShouldBe(["kind", "serviceId"]);
    }

    private static AssignmentRulePatch Patch(string? name = null, AgentStrategy? strategy = null, string? category = null) => new(
        name is null ? default : new Optional<string?>(true, name), default, default,
        category is null ? default : new Optional<string?>(true, category), default, default,
        strategy is null ? default : new Optional<AgentStrategy?>(true, strategy));
}

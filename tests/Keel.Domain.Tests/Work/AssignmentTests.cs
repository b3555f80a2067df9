using Keel.Domain.Work;

namespace Keel.Domain.Tests.Work;

public sealed class AssignmentTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Service = Guid.NewGuid();
    private static readonly Guid Ci = Guid.NewGuid();

    private static WorkItem Item(string? category = null, Guid? ci = null) =>
        new() { Kind = WorkKind.Incident, Title = "x", ServiceId = Service, Category = category, ConfigurationItemId = ci };

    [Fact]
    public void FirstMatch_SeveralMatch_LowestOrderWins()
    {
        var byCi = new AssignmentRule { Name = "Database CI", Order = 1, ConfigurationItemId = Ci, TeamId = Guid.NewGuid() };
        var byService = new AssignmentRule { Name = "Service", Order = 2, ServiceId = Service, TeamId = Guid.NewGuid() };
        AssignmentRule.FirstMatch([byService, byCi], Item(ci: Ci)).ShouldBe(byCi);
        AssignmentRule.FirstMatch([byService, byCi], Item()).ShouldBe(byService);
    }

    [Fact]
    public void FirstMatch_CategoryIgnoresCase_AndKindMustMatch()
    {
        var rule = new AssignmentRule { Name = "Network", Kind = WorkKind.Incident, Category = "Network", TeamId = Guid.NewGuid() };
        AssignmentRule.FirstMatch([rule], Item("network")).ShouldBe(rule);
        AssignmentRule.FirstMatch([rule], Item("Email")).ShouldBeNull();
        var request = Item("Network");
        request.Kind = WorkKind.Request;
        AssignmentRule.FirstMatch([rule], request).ShouldBeNull();
    }

    [Fact]
    public void Decide_NoRuleMatches_ItemTeamThenDeskForIncidentsThenServiceTeam()
    {
        Guid own = Guid.NewGuid(), desk = Guid.NewGuid(), delivering = Guid.NewGuid();
        var requestRule = new AssignmentRule { Name = "Requests", Kind = WorkKind.Request, TeamId = Guid.NewGuid(), Strategy = AgentStrategy.RoundRobin };
        var incident = RoutingFacts.Of(Item());
        var request = incident with { Kind = WorkKind.Request };

        WorkRouter.Decide([requestRule], incident, own, desk, delivering).ShouldBe(new WorkRoute(null, own, AgentStrategy.Manual, RouteSource.ItemTeam));
        WorkRouter.Decide([requestRule], incident, null, desk, delivering).ShouldBe(new WorkRoute(null, desk, AgentStrategy.Manual, RouteSource.DefaultIncidentTeam));
        WorkRouter.Decide([requestRule], incident, null, null, delivering).Source.ShouldBe(RouteSource.ServiceTeam);
        WorkRouter.Decide([requestRule], incident, null, null, null).ShouldBe(new WorkRoute(null, null, AgentStrategy.Manual, RouteSource.Nowhere));
        WorkRouter.Decide([requestRule], request, own, desk, delivering).ShouldBe(new WorkRoute(requestRule, requestRule.TeamId, AgentStrategy.RoundRobin, RouteSource.Rule));
    }

    [Fact]
    public void Validate_RuleForTasksOrWithoutTeam_Refused()
    {
        var errors = new Keel.Domain.Platform.FieldErrors();
        new AssignmentRule { Name = "Tasks", Kind = WorkKind.Task }.Validate(errors);
        errors.ToError().Fields!.Keys.Order().ShouldBe(["kind", "teamId"]);
    }

    [Fact]
    public void Pick_RoundRobin_LongestWaitingFirstThenNeverAssigned()
    {
        var a = new AgentLoad(Guid.NewGuid(), 0, Now.AddHours(-1));
        var b = new AgentLoad(Guid.NewGuid(), 5, Now.AddHours(-3));
        var never = new AgentLoad(Guid.NewGuid(), 9, null);
        AgentPicker.Pick(AgentStrategy.RoundRobin, [a, b]).ShouldBe(b.PersonId);
        AgentPicker.Pick(AgentStrategy.RoundRobin, [a, b, never]).ShouldBe(never.PersonId);
    }

    [Fact]
    public void Pick_LeastLoaded_FewestOpenItems()
    {
        var busy = new AgentLoad(Guid.NewGuid(), 7, null);
        var idle = new AgentLoad(Guid.NewGuid(), 2, Now);
        AgentPicker.Pick(AgentStrategy.LeastLoaded, [busy, idle]).ShouldBe(idle.PersonId);
    }

    [Fact]
    public void Pick_ManualOrEmptyTeam_Nobody()
    {
        AgentPicker.Pick(AgentStrategy.Manual, [new AgentLoad(Guid.NewGuid(), 0, null)]).ShouldBeNull();
        AgentPicker.Pick(AgentStrategy.LeastLoaded, []).ShouldBeNull();
    }

    [Fact]
    public void Assign_MovedFromOneTeamToAnother_CountsReassignment()
    {
        var item = Item();
        var first = Guid.NewGuid();
        item.Assign(first, null, null, Now);
        item.ReassignmentCount.ShouldBe(0);
        item.Assign(first, Guid.NewGuid(), null, Now);
        item.ReassignmentCount.ShouldBe(0);
        item.Assign(Guid.NewGuid(), null, null, Now);
        item.ReassignmentCount.ShouldBe(1);
        item.Events.Count(e => e.Field is "team" or "assignee").ShouldBe(4);
        item.Events.ShouldAllBe(e => e.Internal);
    }

    [Fact]
    public void SetPriorityInputs_ChangesPriorityFromMatrix_WithHistory()
    {
        var item = Item();
        item.SetPriorityInputs(1, 1, PriorityMatrix.Default, null, Now);
        item.Priority.ShouldBe(1);
        item.Events.Single(e => e.Field == "priority").ShouldSatisfyAllConditions(e => e.From.ShouldBe("4"), e => e.To.ShouldBe("1"));
    }
}

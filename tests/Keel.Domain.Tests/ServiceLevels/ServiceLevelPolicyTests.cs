using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.ServiceLevels;

public sealed class ServiceLevelPolicyTests
{
    private static readonly Guid Payroll = Guid.NewGuid();
    private static readonly Guid Finance = Guid.NewGuid();
    private static readonly Guid Desk = Guid.NewGuid();

    private static ServiceLevelPolicy Sla(string name, int order, Guid? service = null, params int[] priorities) => new()
    {
        Name = name, Agreement = Agreement.Sla, Order = order, ServiceId = service, Priorities = [.. priorities],
        Kinds = [WorkKind.Incident], Resolution = new ServiceTarget(8, TargetUnit.Hours),
    };

    [Fact]
    public void Pick_SeveralMatch_TheFirstInOrderWins()
    {
        ServiceLevelPolicy[] policies = [Sla("Any incident", 10), Sla("Payroll P1", 1, Payroll, 1)];

        ServiceLevelPolicy.Pick(policies, Agreement.Sla, new PolicySubject(WorkKind.Incident, Payroll, 1, null, null))!.Name.ShouldBe("Payroll P1");
        ServiceLevelPolicy.Pick(policies, Agreement.Sla, new PolicySubject(WorkKind.Incident, Payroll, 3, null, null))!.Name.ShouldBe("Any incident");
    }

    [Fact]
    public void Pick_InactivePolicyOrOtherKind_DoesNotMatch()
    {
        var inactive = Sla("Off", 1);
        inactive.IsActive = false;

        ServiceLevelPolicy.Pick([inactive], Agreement.Sla, new PolicySubject(WorkKind.Incident, Payroll, 1, null, null)).ShouldBeNull();
        ServiceLevelPolicy.Pick([Sla("Incidents", 1)], Agreement.Sla, new PolicySubject(WorkKind.Request, Payroll, 1, null, null)).ShouldBeNull();
    }

    [Fact]
    public void Pick_BusinessUnitCondition_MatchesOnlyThatUnitsRequesters()
    {
        var policy = Sla("Finance", 1);
        policy.BusinessUnitId = Finance;

        policy.Matches(new PolicySubject(WorkKind.Incident, Payroll, 2, Finance, null)).ShouldBeTrue();
        policy.Matches(new PolicySubject(WorkKind.Incident, Payroll, 2, Guid.NewGuid(), null)).ShouldBeFalse();
    }

    [Fact]
    public void Pick_AnOla_TimesOnlyItsTeamsTasks()
    {
        var ola = new ServiceLevelPolicy
        {
            Name = "Desk tasks", Agreement = Agreement.Ola, TeamId = Desk, Resolution = new ServiceTarget(1, TargetUnit.BusinessDays),
        };

        ola.Matches(new PolicySubject(WorkKind.Task, Payroll, 4, null, Desk)).ShouldBeTrue();
        ola.Matches(new PolicySubject(WorkKind.Task, Payroll, 4, null, Guid.NewGuid())).ShouldBeFalse();
        ola.Matches(new PolicySubject(WorkKind.Incident, Payroll, 4, null, Desk)).ShouldBeFalse();
    }

    [Fact]
    public void Validate_ZeroOrNegativeTarget_IsRefused()
    {
        var policy = Sla("Bad", 1);
        policy.Response = new ServiceTarget(0, TargetUnit.Minutes);
        policy.Resolution = new ServiceTarget(-5, TargetUnit.Hours);

        var fields = Errors(policy);

        fields.ShouldContainKey("response");
        fields.ShouldContainKey("resolution");
    }

    [Fact]
    public void Validate_NoTargetAtAll_IsRefused()
    {
        var policy = Sla("Empty", 1);
        policy.Resolution = null;

        Errors(policy).ShouldContainKey("resolution");
    }

    [Fact]
    public void Validate_PolicyThatCannotMatch_IsRefused()
    {
        var slaOnTasks = Sla("Tasks", 1);
        slaOnTasks.Kinds = [WorkKind.Task];
        var badPriority = Sla("P9", 1, null, 9);
        var olaWithoutTeam = new ServiceLevelPolicy { Name = "OLA", Agreement = Agreement.Ola, Resolution = new ServiceTarget(1, TargetUnit.Hours) };

        Errors(slaOnTasks).ShouldContainKey("kinds");
        Errors(badPriority).ShouldContainKey("priorities");
        Errors(olaWithoutTeam).ShouldContainKey("teamId");
    }

    [Fact]
    public void Validate_WarningsOutOfRangeOrAStateThatPausesAndStops_AreRefused()
    {
        var policy = Sla("Odd", 1);
        policy.WarningPercents = [50, 50, 120];
        policy.PauseStates = [WorkState.Resolved];

        var fields = Errors(policy);

        fields.ShouldContainKey("warningPercents");
        fields.ShouldContainKey("pauseStates");
    }

    [Fact]
    public void Terms_TargetInBusinessDays_UsesTheCalendarsDayLength()
    {
        var policy = Sla("Days", 1);
        policy.Response = new ServiceTarget(30, TargetUnit.Minutes);
        policy.Resolution = new ServiceTarget(3, TargetUnit.BusinessDays);
        var office = Keel.Tests.Shared.ServiceLevels.SlaCalendars.Get(Keel.Tests.Shared.ServiceLevels.SlaCalendars.Office);

        var terms = policy.Terms(office).ToList();

        terms.Select(t => (t.Kind, t.TargetMinutes)).ShouldBe([(ClockKind.Response, 30), (ClockKind.Resolution, 1350)]);
    }

    private static IReadOnlyDictionary<string, string[]> Errors(ServiceLevelPolicy policy)
    {
        var errors = new FieldErrors();
        policy.Validate(errors);
        return errors.Any ? errors.ToError().Fields! : new Dictionary<string, string[]>();
    }
}

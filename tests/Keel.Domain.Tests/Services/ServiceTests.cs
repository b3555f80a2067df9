using Keel.Domain.Platform;
using Keel.Domain.Services;

namespace Keel.Domain.Tests.Services;

public sealed class ServiceTests
{
    private static Service NewService(ServiceLifecycle lifecycle = ServiceLifecycle.Pipeline) => new()
    {
        Name = "Customer relationship management",
        Description = "Keeps every customer conversation in one place for Sales and Support.",
        OwnerId = Guid.NewGuid(),
        DeliveringTeamId = Guid.NewGuid(),
        Lifecycle = lifecycle,
        Criticality = 2,
    };

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Service service)
    {
        var errors = new FieldErrors();
        service.Validate(errors);
        return errors.Any ? errors.ToError().Fields! : new Dictionary<string, string[]>();
    }

    [Theory]
    [InlineData(ServiceLifecycle.Pipeline, ServiceLifecycle.Live)]
    [InlineData(ServiceLifecycle.Pipeline, ServiceLifecycle.Retired)]
    [InlineData(ServiceLifecycle.Live, ServiceLifecycle.Retired)]
    [InlineData(ServiceLifecycle.Retired, ServiceLifecycle.Pipeline)]
    public void MoveTo_AllowedTransition_ChangesTheLifecycle(ServiceLifecycle from, ServiceLifecycle to)
    {
        var service = NewService(from);

        service.MoveTo(to).ShouldBeNull();
        service.Lifecycle.ShouldBe(to);
    }

    [Theory]
    [InlineData(ServiceLifecycle.Live, ServiceLifecycle.Pipeline)]
    [InlineData(ServiceLifecycle.Retired, ServiceLifecycle.Live)]
    [InlineData(ServiceLifecycle.Live, ServiceLifecycle.Live)]
    [InlineData(ServiceLifecycle.Pipeline, ServiceLifecycle.Pipeline)]
    public void MoveTo_IllegalTransition_IsRefusedWithTheAllowedStates(ServiceLifecycle from, ServiceLifecycle to)
    {
        var service = NewService(from);

        var error = service.MoveTo(to);

        error.ShouldNotBeNull();
        error.Kind.ShouldBe(ErrorKind.IllegalTransition);
        error.Code.ShouldBe("illegal_transition");
        error.Allowed.ShouldBe(ServiceLifecycleRules.AllowedFrom(from).Select(s => s.ToString()).ToArray());
        service.Lifecycle.ShouldBe(from);
    }

    [Fact]
    public void AllowedFrom_EveryState_NeverAllowsStayingInPlace()
    {
        foreach (var state in Enum.GetValues<ServiceLifecycle>())
        {
            ServiceLifecycleRules.AllowedFrom(state).ShouldNotContain(state);
        }
    }

    [Fact]
    public void MoveTo_RetireWithOpenWorkUnconfirmed_IsRefusedAndAsksForConfirmation()
    {
        var service = NewService(ServiceLifecycle.Live);

        var error = service.MoveTo(ServiceLifecycle.Retired, openWorkItems: 3);

        error.ShouldNotBeNull();
        error.Kind.ShouldBe(ErrorKind.Conflict);
        error.Code.ShouldBe("confirmation_required");
        error.Message.ShouldContain("3 open");
        service.Lifecycle.ShouldBe(ServiceLifecycle.Live);
    }

    [Fact]
    public void MoveTo_RetireWithOpenWorkConfirmed_Retires()
    {
        var service = NewService(ServiceLifecycle.Live);

        service.MoveTo(ServiceLifecycle.Retired, openWorkItems: 3, confirmed: true).ShouldBeNull();
        service.Lifecycle.ShouldBe(ServiceLifecycle.Retired);
    }

    [Fact]
    public void Validate_CompleteService_HasNoErrors() => ErrorsOf(NewService()).ShouldBeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Validate_CriticalityOutsideOneToFour_IsRefused(int criticality)
    {
        var service = NewService();
        service.Criticality = criticality;

        ErrorsOf(service).ShouldContainKey("criticality");
    }

    [Fact]
    public void Validate_MissingNameOwnerTeamAndDescription_ListsEveryField()
    {
        var service = new Service { Name = " " };

        ErrorsOf(service).Keys.ShouldBe(["name", "description", "ownerId", "deliveringTeamId"], ignoreOrder: true);
    }
}

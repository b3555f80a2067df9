using Keel.Domain.Balance;
using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Balance;

public sealed class TechDebtTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static TechDebtItem Item(DebtStatus status = DebtStatus.Open) => new()
    {
        Title = "Hand-rolled LDAP sync", ServiceId = Guid.NewGuid(), OwnerId = Guid.NewGuid(), RemediationEstimateHours = 40, Status = status,
    };

    [Fact]
    public void Validate_MissingServiceZeroRemediationNegativeManual_EachFieldNamed()
    {
        var item = Item();
        item.ServiceId = Guid.Empty;
        item.Title = " ";
        item.RemediationEstimateHours = 0;
        item.ManualInterestHoursPerMonth = -1;
        var errors = new FieldErrors();

        item.Validate(errors);

        errors.ToError().Fields!.Keys.ShouldBe(["title", "serviceId", "remediationEstimateHours", "manualInterestHoursPerMonth"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_ZeroManualInterest_Accepted()
    {
        var item = Item();
        item.ManualInterestHoursPerMonth = 0;
        var errors = new FieldErrors();

        item.Validate(errors);

        errors.Any.ShouldBeFalse();
    }

    [Fact]
    public void MoveTo_AlongTheLifecycle_ReachesPaidOff()
    {
        var item = Item();

        item.MoveTo(DebtStatus.Scheduled, Now).ShouldBeNull();
        item.MoveTo(DebtStatus.InRemediation, Now).ShouldBeNull();
        item.MoveTo(DebtStatus.PaidOff, Now).ShouldBeNull();

        (item.Status, item.IsOpen).ShouldBe((DebtStatus.PaidOff, false));
    }

    [Theory]
    [InlineData(DebtStatus.Open)]
    [InlineData(DebtStatus.Scheduled)]
    [InlineData(DebtStatus.InRemediation)]
    public void MoveTo_AcceptedFromAnOpenState_Allowed(DebtStatus from)
    {
        var item = Item(from);

        item.MoveTo(DebtStatus.Accepted, Now).ShouldBeNull();

        item.Status.ShouldBe(DebtStatus.Accepted);
    }

    [Theory]
    [InlineData(DebtStatus.Open, DebtStatus.PaidOff, new[] { "Scheduled", "Accepted" })]
    [InlineData(DebtStatus.Open, DebtStatus.InRemediation, new[] { "Scheduled", "Accepted" })]
    [InlineData(DebtStatus.PaidOff, DebtStatus.Accepted, new string[0])]
    [InlineData(DebtStatus.Accepted, DebtStatus.PaidOff, new[] { "Open" })]
    public void MoveTo_IllegalMove_IllegalTransitionAndUnchanged(DebtStatus from, DebtStatus to, string[] allowed)
    {
        var item = Item(from);

        var error = item.MoveTo(to, Now);

        (error!.Code, item.Status).ShouldBe(("illegal_transition", from));
        error.Allowed.ShouldBe(allowed);
    }

    [Theory]
    [InlineData("TD0001", 1)]
    [InlineData("td0042", 42)]
    [InlineData("TD12345", 12345)]
    public void Number_FormatsAndParses(string number, int sequence)
    {
        TechDebtNumber.TryParse(number, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(sequence);
        TechDebtNumber.Format(sequence).ShouldBe(number.ToUpperInvariant());
    }

    [Theory]
    [InlineData("TD")]
    [InlineData("TD0000")]
    [InlineData("INC0000001")]
    [InlineData("TD00x1")]
    public void Number_NotADebtNumber_Refused(string number) => TechDebtNumber.TryParse(number, out _).ShouldBeFalse();
}

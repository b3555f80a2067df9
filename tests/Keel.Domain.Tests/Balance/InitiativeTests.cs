using Keel.Domain.Balance;
using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Balance;

public sealed class InitiativeTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Initiative In(InitiativeStatus status) => new() { Name = "Self-service portal", Status = status, OwnerId = Guid.NewGuid() };

    [Theory]
    [InlineData(InitiativeStatus.Proposed, InitiativeStatus.Approved)]
    [InlineData(InitiativeStatus.Approved, InitiativeStatus.InProgress)]
    [InlineData(InitiativeStatus.InProgress, InitiativeStatus.Delivered)]
    [InlineData(InitiativeStatus.Proposed, InitiativeStatus.Cancelled)]
    [InlineData(InitiativeStatus.Approved, InitiativeStatus.Cancelled)]
    [InlineData(InitiativeStatus.InProgress, InitiativeStatus.Cancelled)]
    [InlineData(InitiativeStatus.Delivered, InitiativeStatus.Cancelled)]
    public void MoveTo_AllowedStep_Moves(InitiativeStatus from, InitiativeStatus to)
    {
        var initiative = In(from);

        initiative.MoveTo(to, Now).ShouldBeNull();

        initiative.Status.ShouldBe(to);
        initiative.UpdatedAt.ShouldBe(Now);
    }

    [Theory]
    [InlineData(InitiativeStatus.Proposed, InitiativeStatus.InProgress)]
    [InlineData(InitiativeStatus.Proposed, InitiativeStatus.Delivered)]
    [InlineData(InitiativeStatus.Approved, InitiativeStatus.Proposed)]
    [InlineData(InitiativeStatus.InProgress, InitiativeStatus.Reviewed)]
    [InlineData(InitiativeStatus.Delivered, InitiativeStatus.InProgress)]
    [InlineData(InitiativeStatus.Reviewed, InitiativeStatus.Cancelled)]
    [InlineData(InitiativeStatus.Cancelled, InitiativeStatus.Approved)]
    public void MoveTo_IllegalStep_RefusedAndUnchanged(InitiativeStatus from, InitiativeStatus to)
    {
        var initiative = In(from);

        var error = initiative.MoveTo(to, Now);

        error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.IllegalTransition);
        error.Allowed.ShouldBe(Initiative.AllowedFrom(from).Select(s => s.ToString()).ToList());
        initiative.Status.ShouldBe(from);
    }

    [Fact]
    public void MoveTo_Delivered_RecordsWhen()
    {
        var initiative = In(InitiativeStatus.InProgress);

        initiative.MoveTo(InitiativeStatus.Delivered, Now);

        initiative.DeliveredAt.ShouldBe(Now);
    }

    [Fact]
    public void Review_Delivered_RecordsRealisedValueAndBecomesReviewed()
    {
        var initiative = In(InitiativeStatus.Delivered);
        initiative.ExpectedValue = 120;
        var reviewer = Guid.NewGuid();

        initiative.Review(95.5, "  Adoption slower than hoped.  ", reviewer, Now).ShouldBeNull();

        initiative.Status.ShouldBe(InitiativeStatus.Reviewed);
        initiative.RealisedValue.ShouldBe(95.5);
        initiative.ReviewNotes.ShouldBe("Adoption slower than hoped.");
        initiative.ReviewedAt.ShouldBe(Now);
        initiative.ReviewedById.ShouldBe(reviewer);
        initiative.IsOpen.ShouldBeFalse();
    }

    [Theory]
    [InlineData(InitiativeStatus.Proposed)]
    [InlineData(InitiativeStatus.InProgress)]
    [InlineData(InitiativeStatus.Reviewed)]
    [InlineData(InitiativeStatus.Cancelled)]
    public void Review_NotDelivered_IllegalTransitionAndNothingRecorded(InitiativeStatus status)
    {
        var initiative = In(status);

        var error = initiative.Review(10, "notes", Guid.NewGuid(), Now);

        error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.IllegalTransition);
        initiative.Status.ShouldBe(status);
        initiative.RealisedValue.ShouldBeNull();
        initiative.ReviewedAt.ShouldBeNull();
    }

    [Fact]
    public void Review_WithoutRealisedValue_FieldErrorAndStillDelivered()
    {
        var initiative = In(InitiativeStatus.Delivered);

        var error = initiative.Review(null, "notes", Guid.NewGuid(), Now);

        error.ShouldNotBeNull().Fields!.Keys.ShouldContain("realisedValue");
        initiative.Status.ShouldBe(InitiativeStatus.Delivered);
    }

    [Fact]
    public void Validate_MissingNameAndNegativeEffort_ReportsBoth()
    {
        var initiative = new Initiative { Name = " ", EffortEstimateHours = -1 };
        var errors = new FieldErrors();

        initiative.Validate(errors);

        errors.ToError().Fields!.Keys.ShouldBe(["name", "effortEstimateHours"], ignoreOrder: true);
    }
}

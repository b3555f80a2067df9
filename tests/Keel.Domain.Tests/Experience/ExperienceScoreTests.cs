using Keel.Domain.Experience;

namespace Keel.Domain.Tests.Experience;

public sealed class ExperienceScoreTests
{
    private static readonly ExperienceWeights Default = new();

    private static ExperienceInputs Perfect => new(Responses: 10, RatingSum: 50, Resolved: 10, Reopened: 0, FirstContact: 10, Interactions: 10, ResolutionMet: 10, ResolutionBreached: 0);

    [Fact]
    public void Compute_EverythingBest_Scores100()
    {
        ExperienceScore.Compute(Perfect, Default).Score.ShouldBe(100m);
    }

    [Fact]
    public void Compute_EverythingWorst_Scores0()
    {
        var worst = new ExperienceInputs(10, 10, 10, 10, 0, 60, 0, 10);
        ExperienceScore.Compute(worst, Default).Score.ShouldBe(0m);
    }

    [Fact]
    public void Compute_KnownFigures_IsTheWeightedMeanOfTheDocumentedParts()
    {
        // Mean rating 4 → 75; 1 of 4 reopened → 75; 2 of 4 first contact → 50; 3 of 4 within SLA → 75; 8 interactions for 4 → 2 each → 75.
        var inputs = new ExperienceInputs(Responses: 2, RatingSum: 8, Resolved: 4, Reopened: 1, FirstContact: 2, Interactions: 8, ResolutionMet: 3, ResolutionBreached: 1);
        var weights = new ExperienceWeights { Satisfaction = 40, ReopenRate = 10, FirstContactResolution = 20, WithinSla = 20, Effort = 10 };

        var result = ExperienceScore.Compute(inputs, weights);

        result.Score.ShouldBe((75m * 40 + 75m * 10 + 50m * 20 + 75m * 20 + 75m * 10) / 100m);
        result.Satisfaction.ShouldBe(4m);
        result.ReopenRate.ShouldBe(0.25m);
        result.FirstContactResolution.ShouldBe(0.5m);
        result.WithinSla.ShouldBe(0.75m);
        result.Effort.ShouldBe(2m);
    }

    [Fact]
    public void Compute_NoResponses_LeavesSatisfactionOutInsteadOfCountingZero()
    {
        var result = ExperienceScore.Compute(Perfect with { Responses = 0, RatingSum = 0 }, Default);

        result.Satisfaction.ShouldBeNull();
        result.Score.ShouldBe(100m);
    }

    [Fact]
    public void Compute_NothingMeasured_HasNoScore()
    {
        var result = ExperienceScore.Compute(new ExperienceInputs(0, 0, 0, 0, 0, 0, 0, 0), Default);

        result.Score.ShouldBeNull();
        result.ReopenRate.ShouldBeNull();
        result.WithinSla.ShouldBeNull();
        result.Effort.ShouldBeNull();
    }

    [Fact]
    public void Compute_ZeroWeight_IgnoresThatPart()
    {
        var onlySatisfaction = new ExperienceWeights { Satisfaction = 1, ReopenRate = 0, FirstContactResolution = 0, WithinSla = 0, Effort = 0 };
        var inputs = Perfect with { RatingSum = 30, ResolutionMet = 0, ResolutionBreached = 10 };

        ExperienceScore.Compute(inputs, onlySatisfaction).Score.ShouldBe(50m);
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(3, 50)]
    [InlineData(5, 0)]
    [InlineData(9, 0)]
    public void Compute_Effort_FallsLinearlyToTheCeiling(int interactionsEach, int expected)
    {
        var onlyEffort = new ExperienceWeights { Satisfaction = 0, ReopenRate = 0, FirstContactResolution = 0, WithinSla = 0, Effort = 1 };

        ExperienceScore.Compute(Perfect with { Interactions = 10 * interactionsEach }, onlyEffort).Score.ShouldBe(expected);
    }

    [Fact]
    public void Weights_AllZero_AreRefused()
    {
        var errors = new Keel.Domain.Platform.FieldErrors();
        new ExperienceWeights { Satisfaction = 0, ReopenRate = 0, FirstContactResolution = 0, WithinSla = 0, Effort = 0 }.Validate(errors);
        errors.Any.ShouldBeTrue();
    }

    [Fact]
    public void Weights_OutOfRange_NameTheField()
    {
        var errors = new Keel.Domain.Platform.FieldErrors();
        new ExperienceWeights { Effort = -1, WithinSla = 101 }.Validate(errors);
        var fields = errors.ToError().Fields!;
        fields.Keys.ShouldBe(["effort", "withinSla"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(0, false, 0, true)]
    [InlineData(1, false, 0, false)]
    [InlineData(0, true, 0, false)]
    [InlineData(0, false, 1, false)]
    public void FirstContact_OnlyWithoutReassignmentHoldOrReopen(int reassignments, bool onHold, int reopens, bool expected)
    {
        FirstContact.Holds(reassignments, onHold, reopens).ShouldBe(expected);
    }
}

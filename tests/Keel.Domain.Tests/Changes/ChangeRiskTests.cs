using Keel.Domain.Changes;
using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Changes;

public sealed class ChangeRiskTests
{
    private static readonly Dictionary<string, string> SafeAnswers = new()
    {
        ["testedPreProduction"] = "yes", ["backoutTested"] = "yes", ["userOutage"] = "none", ["doneBefore"] = "yes",
    };

    private static RiskInputs Safe => new(SafeAnswers, 1, 4, FailureHistory.None, FailureHistory.None);

    private static Dictionary<string, string> With(string key, string value) => new(SafeAnswers) { [key] = value };

    [Fact]
    public void Assess_SafeOnEveryInput_LowWithALinePerInput()
    {
        var result = ChangeRisk.Assess(Safe);

        (result.Score, result.Level).ShouldBe((0, RiskLevel.Low));
        result.Lines.Select(l => l.Input).ShouldBe(
            ["testedPreProduction", "backoutTested", "userOutage", "doneBefore", "configurationItems", "criticality", "ciFailureRate", "teamFailureRate"]);
    }

    [Fact]
    public void Assess_UntestedInPreProduction_MovesMediumToHigh()
    {
        // Full outage (4) + critical service (4) = 8, Medium; not tested adds 3 → 11, High.
        var medium = Safe with { Answers = With("userOutage", "full"), HighestCriticality = 1 };
        ChangeRisk.Assess(medium).Level.ShouldBe(RiskLevel.Medium);

        var untested = medium with { Answers = new Dictionary<string, string>(medium.Answers) { ["testedPreProduction"] = "no" } };
        var result = ChangeRisk.Assess(untested);

        result.Level.ShouldBe(RiskLevel.High);
        result.Lines.Single(l => l.Input == "testedPreProduction").Points.ShouldBe(3);
    }

    [Fact]
    public void Assess_BackoutNotTested_MovesLowToMedium()
    {
        var low = Safe with { Answers = With("userOutage", "full") };
        ChangeRisk.Assess(low).Level.ShouldBe(RiskLevel.Low);

        ChangeRisk.Assess(low with { Answers = new Dictionary<string, string>(low.Answers) { ["backoutTested"] = "no" } }).Level.ShouldBe(RiskLevel.Medium);
    }

    [Fact]
    public void Assess_FullOutage_MovesLowToMedium()
    {
        var low = Safe with { Answers = With("doneBefore", "no") };
        ChangeRisk.Assess(low).Level.ShouldBe(RiskLevel.Low);

        ChangeRisk.Assess(low with { Answers = new Dictionary<string, string>(low.Answers) { ["userOutage"] = "full" } }).Level.ShouldBe(RiskLevel.Medium);
    }

    [Fact]
    public void Assess_FirstTime_MovesLowToMedium()
    {
        var low = Safe with { Answers = With("userOutage", "full") };

        ChangeRisk.Assess(low with { Answers = new Dictionary<string, string>(low.Answers) { ["doneBefore"] = "no" } }).Level.ShouldBe(RiskLevel.Medium);
    }

    [Fact]
    public void Assess_Unanswered_CountsAsTheRiskiestAnswer()
    {
        var result = ChangeRisk.Assess(Safe with { Answers = new Dictionary<string, string>() });

        result.Score.ShouldBe(3 + 2 + 4 + 2);
        result.Level.ShouldBe(RiskLevel.High);
        result.Lines[0].Text.ShouldContain("Not answered");
    }

    [Fact]
    public void Assess_ManyConfigurationItems_MovesLowToMedium()
    {
        var low = Safe with { Answers = With("backoutTested", "no"), HighestCriticality = 2 };
        ChangeRisk.Assess(low with { ConfigurationItemCount = 1 }).Level.ShouldBe(RiskLevel.Low);

        ChangeRisk.Assess(low with { ConfigurationItemCount = 6 }).Level.ShouldBe(RiskLevel.Medium);
    }

    [Fact]
    public void Assess_CriticalService_MovesLowToMedium()
    {
        var low = Safe with { Answers = With("backoutTested", "no"), HighestCriticality = 4 };
        ChangeRisk.Assess(low).Level.ShouldBe(RiskLevel.Low);

        var result = ChangeRisk.Assess(low with { HighestCriticality = 1 });

        result.Level.ShouldBe(RiskLevel.Medium);
        result.Lines.Single(l => l.Input == "criticality").Text.ShouldContain("criticality 1");
    }

    [Fact]
    public void Assess_CisOftenFailed_MovesLowToMedium()
    {
        var low = Safe with { Answers = With("backoutTested", "no") };

        var result = ChangeRisk.Assess(low with { OnConfigurationItems = new FailureHistory(10, 3) });

        result.Level.ShouldBe(RiskLevel.Medium);
        result.Lines.Single(l => l.Input == "ciFailureRate").Text.ShouldContain("3 of 10");
    }

    [Fact]
    public void Assess_TeamOftenFailed_MovesLowToMedium()
    {
        var low = Safe with { Answers = With("backoutTested", "no") };

        ChangeRisk.Assess(low with { ByTeam = new FailureHistory(20, 2) }).Level.ShouldBe(RiskLevel.Low); // 10 % adds 2 → 4
        ChangeRisk.Assess(low with { ByTeam = new FailureHistory(20, 4) }).Level.ShouldBe(RiskLevel.Medium); // 20 % adds 4 → 6
    }

    [Fact]
    public void Assess_FailuresBelowTheMinimumSample_AddNothing()
    {
        var result = ChangeRisk.Assess(Safe with { ByTeam = new FailureHistory(ChangeRisk.MinimumSample - 1, ChangeRisk.MinimumSample - 1) });

        result.Score.ShouldBe(0);
        result.Lines.Single(l => l.Input == "teamFailureRate").Text.ShouldContain("Too few");
    }

    [Fact]
    public void Validate_UnknownQuestionOrAnswer_FieldErrors()
    {
        var errors = new FieldErrors();

        ChangeRisk.Validate(new Dictionary<string, string> { ["weather"] = "sunny", ["userOutage"] = "maybe", ["doneBefore"] = "yes" }, errors);

        errors.ToError().Fields!.Keys.Order().ShouldBe(["riskAnswers.userOutage", "riskAnswers.weather"]);
    }
}

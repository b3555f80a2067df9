using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.Balance;

public sealed class ValueStreamTests
{
    private static ValueStream Stream(params (string Name, string Start, string End)[] steps) => new()
    {
        Name = "Restore service",
        Kind = WorkKind.Incident,
        Steps = [.. steps.Select((s, i) => new ValueStreamStep { Position = i, Name = s.Name, Activity = ValueChainActivity.DeliverAndSupport, Start = s.Start, End = s.End })],
    };

    private static Dictionary<string, string[]> Errors(ValueStream stream)
    {
        var errors = new FieldErrors();
        stream.Validate(errors);
        return errors.Any ? errors.ToError().Fields!.ToDictionary(f => f.Key, f => f.Value) : [];
    }

    [Fact]
    public void Validate_TwoGoodSteps_NoErrors()
    {
        Errors(Stream(("Triage", "Created", "Entered:InProgress"), ("Fix", "Entered:InProgress", "Entered:Resolved"))).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_OneStep_NeedsTwo()
    {
        Errors(Stream(("Fix", "Created", "Entered:Resolved"))).Keys.ShouldContain("steps");
    }

    [Fact]
    public void Validate_DuplicateNamesAndBadMilestones_FieldErrorsPerStep()
    {
        var errors = Errors(Stream(
            ("Fix", "Created", "Entered:Fulfilled"), // incidents are never fulfilled
            ("fix", "Entered:Nowhere", "Created"),
            ("Close", "Entered:Resolved", "Entered:Resolved")));

        errors.Keys.ShouldBe(["steps[0].end", "steps[1].name", "steps[1].start", "steps[1].end", "steps[2].end"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_CatalogueItemOnIncidents_Refused()
    {
        var stream = Stream(("Triage", "Created", "Entered:InProgress"), ("Fix", "Entered:InProgress", "Entered:Resolved"));
        stream.CatalogItemId = Guid.NewGuid();

        Errors(stream).Keys.ShouldBe(["catalogItemId"]);
    }

    [Fact]
    public void FlowSteps_InPositionOrder()
    {
        var stream = Stream(("Fix", "Entered:InProgress", "Entered:Resolved"), ("Triage", "Created", "Entered:InProgress"));
        stream.Steps[0].Position = 1;
        stream.Steps[1].Position = 0;

        stream.FlowSteps().Select(s => s.Name).ShouldBe(["Triage", "Fix"]);
        stream.FlowSteps()[0].Start.IsCreation.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Created", true)]
    [InlineData("entered:inprogress", true)]
    [InlineData("Entered:", false)]
    [InlineData("Resolved", false)]
    [InlineData(null, false)]
    public void Milestone_Parse(string? text, bool ok)
    {
        FlowMilestone.TryParse(text, out _).ShouldBe(ok);
    }
}

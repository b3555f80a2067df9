using Keel.Domain.Experience;

namespace Keel.Domain.Tests.Experience;

public sealed class SurveySamplingTests
{
    private static readonly IReadOnlyList<Guid> Ids = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).ToList();

    [Fact]
    public void Selects_RateOne_EveryItem_RateZero_None()
    {
        Ids.All(id => SurveySampling.Selects(id, 1m)).ShouldBeTrue();
        Ids.Any(id => SurveySampling.Selects(id, 0m)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Selects_OverTenThousandItems_RoughlyTheRate(double rate)
    {
        var selected = Ids.Count(id => SurveySampling.Selects(id, (decimal)rate));

        // Binomial spread at n = 10,000 is at most 50 items (one standard deviation); 3 % is six of them.
        ((double)selected / Ids.Count).ShouldBe(rate, 0.03);
    }

    [Fact]
    public void Selects_SameItemAgain_SameDecision()
    {
        var first = Ids.Select(id => SurveySampling.Selects(id, 0.3m)).ToList();
        var again = Ids.Select(id => SurveySampling.Selects(new Guid(id.ToString()), 0.3m)).ToList();

        again.ShouldBe(first);
    }

    [Fact]
    public void Selects_HigherRate_KeepsEveryItemALowerRateSelected()
    {
        // Raising a service's rate only adds people: nobody surveyed at 20 % drops out at 50 %.
        var atTwenty = Ids.Where(id => SurveySampling.Selects(id, 0.2m)).ToList();

        atTwenty.ShouldAllBe(id => SurveySampling.Selects(id, 0.5m));
    }

    [Fact]
    public void FractionOf_KnownIds_PinnedValues()
    {
        // Pinned (from SHA-256 of the id's RFC 4122 bytes) so a change of the rule shows: stored items must be decided alike forever.
        Math.Round(SurveySampling.FractionOf(Guid.Parse("00000000-0000-0000-0000-000000000001")), 6).ShouldBe(0.485303m);
        Math.Round(SurveySampling.FractionOf(Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301")), 6).ShouldBe(0.402418m);
        SurveySampling.Selects(Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), 0.41m).ShouldBeTrue();
        SurveySampling.Selects(Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301"), 0.40m).ShouldBeFalse();
    }
}

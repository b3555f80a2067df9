using FsCheck;
using FsCheck.Fluent;
using Keel.Domain.Value;

namespace Keel.Domain.Tests.Value;

public sealed class AllocationTests
{
    [Fact]
    public void Split_Thirds_GiveTheLeftoverCentToTheLargestRemainder()
    {
        Allocation.Split(100, [1m, 1m, 1m]).ShouldBe([34L, 33L, 33L]);
    }

    [Fact]
    public void Split_ByWeights_IsProportional()
    {
        Allocation.Split(1000, [0.5m, 0.3m, 0.2m]).ShouldBe([500L, 300L, 200L]);
    }

    [Fact]
    public void Split_NoWeight_GivesNothing()
    {
        Allocation.Split(1000, [0m, 0m]).ShouldBe([0L, 0L]);
    }

    [Fact]
    public void Split_AlwaysAddsUpToTheAmount()
    {
        Prop.ForAll(
                Gen.Choose(0, 10_000_000).ToArbitrary(),
                Gen.ListOf(Gen.Choose(0, 1000)).Where(w => w.Any(x => x > 0)).ToArbitrary(),
                (amount, weights) =>
                {
                    var parts = Allocation.Split(amount, weights.Select(w => (decimal)w).ToList());
                    return parts.Sum() == amount && parts.All(p => p >= 0);
                })
            .QuickCheckThrowOnFailure();
    }
}

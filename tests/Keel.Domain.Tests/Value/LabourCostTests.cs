using Keel.Domain.Value;

namespace Keel.Domain.Tests.Value;

public sealed class LabourCostTests
{
    private static readonly LabourTeam Desk = new(Guid.NewGuid(), "Service Desk", 6000);
    private static readonly LabourTeam Field = new(Guid.NewGuid(), "Field Services", 9000);
    private static readonly LabourTeam Lower = new(Guid.NewGuid(), "apps", 12000);

    [Fact]
    public void TeamOf_MemberOfTheItemsTeam_PricesAtTheItemsTeam()
    {
        LabourCost.TeamOf([Field, Desk], Desk.Id).ShouldBe(Desk);
    }

    [Fact]
    public void TeamOf_NotInTheItemsTeam_PricesAtTheFirstTeamByOrdinalName()
    {
        LabourCost.TeamOf([Desk, Lower, Field], Guid.NewGuid()).ShouldBe(Field); // "F" < "S" < "a" in ordinal order
        LabourCost.TeamOf([Desk, Field], null).ShouldBe(Field);
    }

    [Fact]
    public void TeamOf_InNoTeam_IsNone()
    {
        LabourCost.TeamOf([], Desk.Id).ShouldBeNull();
    }

    [Theory]
    [InlineData(30, 6000, 3000)]
    [InlineData(1, 90, 2)]     // 1.5 rounds away from zero
    [InlineData(1, 89, 1)]     // 1.483…
    [InlineData(7, 100, 12)]   // 11.666…
    [InlineData(1440, 0, 0)]
    public void Minor_OneEntry_IsMinutesTimesRateRoundedHalfAwayFromZero(int minutes, long rate, long expected)
    {
        LabourCost.Minor(minutes, rate).ShouldBe(expected);
    }
}

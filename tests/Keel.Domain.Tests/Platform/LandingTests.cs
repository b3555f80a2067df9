using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Platform;

public sealed class LandingTests
{
    [Theory]
    [InlineData(new[] { "Requester" }, "/portal")]
    [InlineData(new[] { "Agent", "Requester" }, "/work")]
    [InlineData(new[] { "TeamLead", "Agent" }, "/work")]
    [InlineData(new[] { "ProblemManager", "Agent" }, "/problems")]
    [InlineData(new[] { "ChangeManager" }, "/changes")]
    [InlineData(new[] { "CabMember", "Agent" }, "/changes")]
    [InlineData(new[] { "ServiceOwner", "Agent" }, "/services")]
    [InlineData(new[] { "ItLeader", "Requester" }, "/cockpit")]
    [InlineData(new[] { "Executive" }, "/reports")]
    [InlineData(new[] { "Admin", "ItLeader" }, "/admin")]
    public void For_RolesHeld_LandsInTheAreaOfTheMostSpecificRole(string[] roles, string expected) =>
        Landing.For(roles).ShouldBe(expected);

    [Fact]
    public void For_NoRoles_LandsInThePortal() => Landing.For([]).ShouldBe(Landing.Portal);
}

using Keel.Application.Demo;

namespace Keel.Application.Tests.Demo;

public sealed class DemoProfilesTests
{
    [Theory]
    [InlineData("tiny", DemoProfile.Tiny)]
    [InlineData("Demo", DemoProfile.Demo)]
    [InlineData(" DEMO ", DemoProfile.Demo)]
    public void TryParse_KnownName_GivesTheProfile(string name, DemoProfile expected)
    {
        DemoProfiles.TryParse(name, out var profile).ShouldBeTrue();
        profile.ShouldBe(expected);
    }

    [Theory]
    [InlineData("huge")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_IsRefused(string? name) => DemoProfiles.TryParse(name, out _).ShouldBeFalse();

    [Fact]
    public void Apportion_Headcount_SplitsExactlyByWeight()
    {
        var shares = DemoCompany.Apportion(199, [50, 20, 55, 16, 18, 40]);

        shares.Sum().ShouldBe(199);
        shares[2].ShouldBeGreaterThan(shares[0]);
        shares[3].ShouldBeLessThan(shares[1]);
    }
}

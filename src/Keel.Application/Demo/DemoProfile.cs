namespace Keel.Application.Demo;

/// <summary>How much of the demo organization to seed.</summary>
public enum DemoProfile
{
    /// <summary>The demo accounts with their business units and teams and a handful of people: fast, for tests.</summary>
    Tiny,

    /// <summary>A believable mid-size company: six business units, fifteen IT teams, about 300 people.</summary>
    Demo,
}

public static class DemoProfiles
{
    /// <summary>The names the CLI and configuration accept, in lower case.</summary>
    public static readonly IReadOnlyList<string> Names = ["tiny", "demo"];

    public static bool TryParse(string? name, out DemoProfile profile)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "TINY":
                profile = DemoProfile.Tiny;
                return true;
            case "DEMO":
                profile = DemoProfile.Demo;
                return true;
            default:
                profile = default;
                return false;
        }
    }

    public static string NameOf(DemoProfile profile) => profile switch
    {
        DemoProfile.Tiny => "tiny",
        DemoProfile.Demo => "demo",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown demo profile."),
    };
}

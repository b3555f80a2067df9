using Keel.Application.Tests.Jobs;

namespace Keel.Application.Tests.Demo;

/// <summary><c>keel seed</c> as a process: work history it cannot seed is refused in one line, before the database is touched.</summary>
public sealed class SeedCommandTests
{
    [Theory]
    [InlineData("tiny", "5", "keel seed: --items 5: The tiny profile has no work history; use the demo profile.")]
    [InlineData("demo", "-1", "keel seed: --items -1: Work items are between 0 and 1000000.")]
    [InlineData("demo", "1000001", "keel seed: --items 1000001: Work items are between 0 and 1000000.")]
    public async Task Seed_ItemsTheProfileCannotHave_OneLineFailureAndNoDatabase(string profile, string items, string expected)
    {
        var database = Path.Combine(Path.GetTempPath(), $"keel-seed-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Keel"] = $"Data Source={database}" };
        using var keel = KeelCliProcess.Start(settings, "seed", "--profile", profile, "--items", items);

        var exitCode = await keel.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldBe(1);
        keel.Output.TrimEnd().ShouldBe(expected);
        File.Exists(database).ShouldBeFalse();
    }
}

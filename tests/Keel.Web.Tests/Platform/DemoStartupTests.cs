using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Web.Tests.Platform;

/// <summary>The web app's first start on an empty database: the seed says what it is doing and takes its size from the settings.</summary>
public sealed class DemoStartupTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstStart_DemoProfileWithItemsSetting_LogsEachStepAndSeedsThatManyItems()
    {
        await using var database = await databases.CreateAsync(DatabaseProvider.Sqlite, Ct);
        var log = new LineLogger();

        await SeedAsync(database, log, ("Keel:Demo:Profile", "demo"), ("Keel:Demo:Items", "0"));

        log.Lines.Count.ShouldBe(17, string.Join('\n', log.Lines));
        log.Lines[0].ShouldBe("Seeding the demo organization (profile demo, 0 work items)");
        log.Lines.Skip(1).Take(15).ShouldBe([
            "Seeding roles (1/15)", "Seeding organization (2/15)", "Seeding services (3/15)", "Seeding work (4/15)", "Seeding service levels (5/15)",
            "Seeding work history (6/15)", "Seeding problems (7/15)", "Seeding changes (8/15)", "Seeding technical debt (9/15)", "Seeding initiatives (10/15)",
            "Seeding SLA attainment (11/15)", "Seeding knowledge (12/15)", "Seeding experience (13/15)", "Seeding capacity targets (14/15)", "Seeding value streams (15/15)"]);
        log.Lines[16].ShouldStartWith("Demo organization: ");
        await using var db = database.NewDbContext();
        (await db.Users.CountAsync(Ct)).ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task FirstStart_ItemsSettingForTheTinyProfile_FailsNamingTheSettingAndSeedsNothing()
    {
        await using var database = await databases.CreateAsync(DatabaseProvider.Sqlite, Ct);

        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => SeedAsync(database, new LineLogger(), ("Keel:Demo:Profile", "tiny"), ("Keel:Demo:Items", "5")));

        failure.Message.ShouldContain("Keel:Demo:Items");
        failure.Message.ShouldContain("no work history");
        await using var db = database.NewDbContext();
        (await db.Users.AnyAsync(Ct)).ShouldBeFalse();
    }

    private static async Task SeedAsync(TestDatabase database, ILogger logger, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .AddInMemoryCollection([new("Keel:Demo:Seed", "true"), new("Keel:Demo:Password", "Demo-Startup-Test-2026")])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(database.Time);
        services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        services.AddKeelDb(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await DemoStartup.SeedIfAskedAsync(scope.ServiceProvider, configuration, Path.GetTempPath(), logger, Ct);
    }

    /// <summary>The formatted lines logged, in order.</summary>
    private sealed class LineLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}

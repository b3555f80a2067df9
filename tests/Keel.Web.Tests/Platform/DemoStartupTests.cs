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

        log.Lines.Count.ShouldBe(18, string.Join('\n', log.Lines));
        log.Lines[0].ShouldBe("Seeding the demo organization (profile demo, 0 work items)");
        log.Lines.Skip(1).Take(16).ShouldBe([
            "Seeding roles (1/16)", "Seeding organization (2/16)", "Seeding services (3/16)", "Seeding work (4/16)", "Seeding service levels (5/16)",
            "Seeding work history (6/16)", "Seeding problems (7/16)", "Seeding changes (8/16)", "Seeding technical debt (9/16)", "Seeding initiatives (10/16)",
            "Seeding capacity targets (11/16)", "Seeding project work (12/16)", "Seeding SLA attainment (13/16)", "Seeding knowledge (14/16)", "Seeding experience (15/16)",
            "Seeding value streams (16/16)"]);
        log.Lines[17].ShouldStartWith("Demo organization: ");
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

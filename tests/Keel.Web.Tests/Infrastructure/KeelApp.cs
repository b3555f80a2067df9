using System.Net.Http.Headers;
using System.Net.Http.Json;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Web.Tests.Infrastructure;

/// <summary>
/// The real Keel host in memory, on its own clone of the migrated database, seeded with the tiny demo
/// organization (the demo accounts of API.md, one shared password). Time is a FakeTimeProvider the test moves.
/// </summary>
public sealed class KeelApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026";

    private readonly TestDatabase _database;
    private readonly Action<IWebHostBuilder>? _configure;

    private KeelApp(TestDatabase database, Action<IWebHostBuilder>? configure)
    {
        _database = database;
        _configure = configure;
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public DatabaseProvider Provider => _database.Provider;

    /// <param name="configure">More host settings for one test (e.g. a log sink), applied after the usual ones.</param>
    public static async Task<KeelApp> StartAsync(DatabaseFixture databases, DatabaseProvider provider = DatabaseProvider.Sqlite, Action<IWebHostBuilder>? configure = null)
    {
        // The tiny organization is seeded once per run into a template; each app gets a copy of it.
        var database = await databases.CreateAsync(provider, "tiny", SeedTinyAsync, TestContext.Current.CancellationToken);
        var app = new KeelApp(database, configure);
        _ = app.Server; // start now, so migrations and seeding are done before the first request
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("Keel:Demo:Seed", "false");
        // The template was migrated when it was made; checking the migrations again costs each app a diff of the whole model.
        builder.UseSetting("Keel:Database:MigrateOnStartup", "false");
        builder.UseSetting("Keel:Jobs:Enabled", "false");
        builder.UseSetting("Keel:Limits:MaxRequestBodyBytes", "65536");
        builder.UseSetting("Keel:Limits:MaxAttachmentBytes", "32768");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        _configure?.Invoke(builder);
    }

    /// <summary>An HTTP client carrying a fresh API token of the demo account <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string[]? scopes = null, int? days = null)
    {
        var client = CreateClient();
        var token = await TokenForAsync(userName, scopes, days);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenForAsync(string userName, string[]? scopes = null, int? days = null)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/tokens",
            new { userName, password = Password, scopes, expiresInDays = days }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>(TestContext.Current.CancellationToken);
        return body!.Token;
    }

    internal static async Task SeedTinyAsync(TestDatabase template, CancellationToken ct)
    {
        await using var db = template.NewDbContext();
        await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, Password, TimeProvider.System, ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed record TokenBody(string Token);
}

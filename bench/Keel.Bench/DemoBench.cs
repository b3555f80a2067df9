using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Platform;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Bench;

/// <summary>What the benches over the seeded demo organization share: seeding, signing in as the IT leader, timing and reporting.</summary>
internal static class DemoBench
{
    public const string Password = "Bench-Password-2026";

    /// <summary>Migrates and seeds as <c>keel seed --profile demo --items N</c> does: the same DI wiring and interceptors.</summary>
    public static async Task<string> SeedAsync(string connection, int items)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Keel"] = connection, ["Keel:Database:Provider"] = "Sqlite" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        services.AddKeelDb(configuration);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
        await KeelDbSetup.MigrateAsync(db);
        var result = await DemoSeeder.SeedAsync(db, DemoProfile.Demo, Password, TimeProvider.System,
            new DemoSeedOptions { WorkItems = items }, progress: null);
        return result.Seeded ? result.Summary : throw new InvalidOperationException(result.Summary);
    }

    public static async Task<string> TokenAsync(HttpClient http, string name)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/tokens",
            new { userName = "leader", password = Password, name, scopes = new[] { "read" } });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    public static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK
            ? await response.Content.ReadAsStringAsync()
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
    }

    /// <summary>Milliseconds until the whole body has arrived.</summary>
    public static async Task<double> TimeAsync(HttpClient http, string path)
    {
        var start = Stopwatch.GetTimestamp();
        await GetAsync(http, path);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    public static void Report(string what, double[] times, double[]? baseline)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{what,-28} median {Percentile(times, 0.5),7:F1} ms, p95 {Percentile(times, 0.95),7:F1} ms");
        if (baseline is not null)
        {
            line += string.Create(CultureInfo.InvariantCulture,
                $" | ratio to baseline: median {Percentile(times, 0.5) / Percentile(baseline, 0.5):F1}x, p95 {Percentile(times, 0.95) / Percentile(baseline, 0.95):F1}x");
        }
        Console.WriteLine(line);
    }

    public static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>The 1-minute load average, so a reader can tell a quiet run from a busy one.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Bench;

/// <summary>
/// Issue 7's target, "the cockpit over twelve months of demo data renders server-side in under 300 ms": seeds the demo
/// organization (40,000 work items by default, ending with the full value rollup) into a fresh SQLite file, starts the
/// built Keel.Web on it as an operator would, signs in as the IT leader with an API token, and times the prerendered
/// /cockpit page and /api/v1/cockpit. The baseline, timed in the same rounds, is GET /api/v1/me: the same host,
/// authentication and loopback hop with almost no work, so the ratio says what the cockpit itself costs.
/// </summary>
internal static class CockpitBench
{
    private const double TargetMs = 300;
    private const int WarmUpRounds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var items = ImpactBench.IntOption(args, "--items", DemoSeedOptions.DefaultWorkItems);
        var samples = ImpactBench.IntOption(args, "--samples", 50);
        Console.WriteLine($"cockpit: demo profile with {items:N0} work items on SQLite, {samples} samples after {WarmUpRounds} warm-up rounds; " +
                          $"{Environment.ProcessorCount} cores, load {DemoBench.LoadAverage()}");
        var folder = Directory.CreateTempSubdirectory("keel-cockpit-bench-").FullName;
        try
        {
            var connection = $"Data Source={Path.Combine(folder, "keel.db")}";
            var seed = Stopwatch.StartNew();
            var seeded = await DemoBench.SeedAsync(connection, items);
            Console.WriteLine($"  {seeded} in {seed.Elapsed.TotalSeconds:F0} s");

            await using var server = await WebServer.StartAsync(connection);
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
            {
                BaseAddress = server.Address,
                Timeout = TimeSpan.FromMinutes(2),
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DemoBench.TokenAsync(http, "cockpit bench"));
            await CheckPageShowsFiguresAsync(http);

            var page = new double[samples];
            var api = new double[samples];
            var baseline = new double[samples];
            for (var round = -WarmUpRounds; round < samples; round++)
            {
                // Interleaved, so a busy moment on this shared machine falls on all three alike.
                var me = await DemoBench.TimeAsync(http, "/api/v1/me");
                var json = await DemoBench.TimeAsync(http, "/api/v1/cockpit");
                var html = await DemoBench.TimeAsync(http, "/cockpit");
                if (round >= 0)
                {
                    (baseline[round], api[round], page[round]) = (me, json, html);
                }
            }
            DemoBench.Report("GET /api/v1/me (baseline)", baseline, null);
            DemoBench.Report("GET /api/v1/cockpit", api, baseline);
            DemoBench.Report("GET /cockpit (prerendered)", page, baseline);
            var median = DemoBench.Percentile(page, 0.5);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target {TargetMs:F0} ms: {(median < TargetMs ? "met" : "not met")} (page median {median:F1} ms); load {DemoBench.LoadAverage()}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Refuses to time an empty shell: the page must carry its heading and every service the API ranks, and the
    /// rollup must have figures (survey responses, tickets) to show.
    /// </summary>
    private static async Task CheckPageShowsFiguresAsync(HttpClient http)
    {
        using var view = JsonDocument.Parse(await DemoBench.GetAsync(http, "/api/v1/cockpit"));
        var services = view.RootElement.GetProperty("services").EnumerateArray().ToList();
        var responses = view.RootElement.GetProperty("totals").GetProperty("responses").GetInt32();
        var tickets = services.Sum(s => s.GetProperty("raised").GetInt32());
        if (services.Count == 0 || responses == 0 || tickets == 0)
        {
            throw new InvalidOperationException($"the cockpit has no figures: {services.Count} services, {responses} responses, {tickets} tickets");
        }
        var html = await DemoBench.GetAsync(http, "/cockpit");
        var text = WebUtility.HtmlDecode(html);
        var missing = services.Select(s => s.GetProperty("service").GetProperty("name").GetString()!).Where(name => !text.Contains(name, StringComparison.Ordinal)).ToList();
        if (!text.Contains("Value and experience", StringComparison.Ordinal) || !text.Contains("Services ranked", StringComparison.Ordinal) || missing.Count > 0)
        {
            throw new InvalidOperationException($"GET /cockpit did not render the cockpit (missing: {string.Join(", ", missing.DefaultIfEmpty("the headings"))})");
        }
        Console.WriteLine($"  cockpit shows {services.Count} services, {tickets:N0} tickets, {responses:N0} survey responses; page {html.Length / 1024.0:F0} KB of HTML");
    }

}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Keel.Application.Demo;
using Microsoft.Data.Sqlite;

namespace Keel.Bench;

/// <summary>
/// Issue 8 over the demo organization (40,000 work items by default) on SQLite: checks that the seeded department shows
/// the drift the demo plans for, then times the capacity balance over twelve months (API and prerendered page), the
/// technical-debt register and the value-stream list, interleaved with GET /api/v1/me as the baseline of the same host.
/// </summary>
internal static class BalanceBench
{
    private const int WarmUpRounds = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var items = ImpactBench.IntOption(args, "--items", DemoSeedOptions.DefaultWorkItems);
        var samples = ImpactBench.IntOption(args, "--samples", 20);
        Console.WriteLine($"balance: demo profile with {items:N0} work items on SQLite, {samples} samples after {WarmUpRounds} warm-up rounds; " +
                          $"{Environment.ProcessorCount} cores, load {DemoBench.LoadAverage()}");
        var folder = Directory.CreateTempSubdirectory("keel-balance-bench-").FullName;
        try
        {
            var connection = $"Data Source={Path.Combine(folder, "keel.db")}";
            var seed = Stopwatch.StartNew();
            Console.WriteLine($"  {await DemoBench.SeedAsync(connection, items)} in {seed.Elapsed.TotalSeconds:F0} s");

            await using var server = await WebServer.StartAsync(connection);
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
            {
                BaseAddress = server.Address,
                Timeout = TimeSpan.FromMinutes(2),
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DemoBench.TokenAsync(http, "balance bench"));
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var balance = $"/api/v1/balance?from={from}";
            await DescribeAsync(http, balance);

            string[] paths = ["/api/v1/me", balance, "/balance", "/api/v1/tech-debt", "/api/v1/value-streams", "/value-streams"];
            var times = paths.Select(_ => new double[samples]).ToArray();
            for (var round = -WarmUpRounds; round < samples; round++)
            {
                // Interleaved, so a busy moment on this shared machine falls on all of them alike.
                for (var p = 0; p < paths.Length; p++)
                {
                    var ms = await DemoBench.TimeAsync(http, paths[p]);
                    if (round >= 0)
                    {
                        times[p][round] = ms;
                    }
                }
            }
            DemoBench.Report("GET /api/v1/me (baseline)", times[0], null);
            for (var p = 1; p < paths.Length; p++)
            {
                DemoBench.Report($"GET {paths[p].Split('?')[0]}", times[p], times[0]);
            }
            Console.WriteLine($"load {DemoBench.LoadAverage()}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Refuses to time an empty balance, and prints what the demo department shows: hours per month and its drift alerts.</summary>
    private static async Task DescribeAsync(HttpClient http, string path)
    {
        using var view = JsonDocument.Parse(await DemoBench.GetAsync(http, path));
        var periods = view.RootElement.GetProperty("periods").EnumerateArray().ToList();
        var hours = periods.Sum(p => p.GetProperty("total").GetDouble());
        if (periods.Count == 0 || hours <= 0)
        {
            throw new InvalidOperationException($"the balance has no figures: {periods.Count} months, {hours} hours");
        }
        var alerts = view.RootElement.GetProperty("alerts").EnumerateArray()
            .Select(a => $"{a.GetProperty("category").GetString()} {a.GetProperty("direction").GetString()} {a.GetProperty("since").GetString()}–{a.GetProperty("through").GetString()}")
            .ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  balance: {periods.Count} months, {hours:N0} hours logged; drift alerts: {(alerts.Count == 0 ? "none" : string.Join("; ", alerts))}"));
        foreach (var period in periods)
        {
            var shares = period.GetProperty("categories").EnumerateArray().Select(c =>
                $"{c.GetProperty("category").GetString()} {(c.GetProperty("actualPercent").ValueKind == JsonValueKind.Number ? c.GetProperty("actualPercent").GetDecimal() : 0):F0}%"
                + (c.GetProperty("targetPercent").ValueKind == JsonValueKind.Number ? $"/{c.GetProperty("targetPercent").GetDecimal():F0}%" : ""));
            Console.WriteLine($"    {period.GetProperty("period").GetString()} {period.GetProperty("total").GetDouble(),6:F0} h: {string.Join(", ", shares)}");
        }
        var html = WebUtility.HtmlDecode(await DemoBench.GetAsync(http, "/balance"));
        if (!html.Contains("Capacity balance", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("GET /balance did not render the balance page");
        }
    }
}

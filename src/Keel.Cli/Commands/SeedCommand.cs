using System.CommandLine;
using Keel.Application.Data;
using Keel.Application.Demo;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel seed [--profile tiny|demo] [--items N]</c>: migrates if needed, then seeds the demo organization into an empty database.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile")
        {
            Description = "tiny: the demo accounts and a few people; demo: a company of about 300 people",
            DefaultValueFactory = _ => "demo",
        };
        profile.AcceptOnlyFromAmong([.. DemoProfiles.Names]);
        var items = new Option<int?>("--items")
        {
            Description = $"incidents and requests of the twelve-month work history (demo profile; default {DemoSeedOptions.DefaultWorkItems:N0}, 0 for none)",
        };
        var command = new Command("seed", "Seed the demo organization into an empty database (migrates first)") { profile, items };
        command.SetAction((parse, ct) => CliFailure.GuardAsync("seed", c => RunAsync(parse.GetValue(profile), parse.GetValue(items), c), ct));
        return command;
    }

    private static async Task RunAsync(string? profileName, int? items, CancellationToken ct)
    {
        if (!DemoProfiles.TryParse(profileName, out var profile))
        {
            throw new CliException($"unknown profile '{profileName}' (use {string.Join(" or ", DemoProfiles.Names)})");
        }
        var options = new DemoSeedOptions { WorkItems = items };
        // The seed's own rules (the range, no history for the tiny profile), checked before the database is opened.
        if (options.RefusalFor(profile) is { } refusal)
        {
            throw new CliException($"--items {items}: {refusal}");
        }
        var configuration = CliServices.Configuration();
        await using var services = CliServices.Build(configuration);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
        var time = services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();

        DemoPasswordResolution? password = null;
        var result = await AnsiConsole.Status().StartAsync("Applying migrations...", async status =>
        {
            await CliServices.MigrateAsync(db, ct);
            if (!await DemoSeeder.CanSeedAsync(db, ct))
            {
                return DemoSeedResult.Skipped(profile, "the database already has users");
            }
            // Only now: a seeded database keeps the password it was seeded with, so none is generated for it.
            password = DemoPassword.Resolve(configuration, Directory.GetCurrentDirectory());
            return await DemoSeeder.SeedAsync(db, profile, password.Password, time, options, new StatusProgress(status), ct);
        });

        var seconds = time.GetElapsedTime(started).TotalSeconds;
        // Plain Console: Spectre wraps at the terminal width, and the summary must stay one line for scripts.
        Console.WriteLine(password is null
            ? $"{result.Summary} ({seconds:0.0} s)"
            : $"{result.Summary} in {seconds:0.0} s; {password.Describe()}");
    }

    /// <summary>Shows the running step in the spinner line; synchronous, so steps show in order.</summary>
    private sealed class StatusProgress(StatusContext status) : IProgress<DemoSeedProgress>
    {
        public void Report(DemoSeedProgress value) =>
            status.Status($"Seeding {value.Name} ({value.Step}/{value.Steps})...");
    }
}

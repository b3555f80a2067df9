using System.CommandLine;
using Keel.Application.Data;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Keel.Cli.Commands;

/// <summary><c>keel migrate</c>: applies pending migrations, for deployments that turn off migration at start-up.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations");
        command.SetAction((_, ct) => CliFailure.GuardAsync("migrate", RunAsync, ct));
        return command;
    }

    private static async Task RunAsync(CancellationToken ct)
    {
        await using var services = CliServices.Build(CliServices.Configuration());
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDb>();

        var applied = await AnsiConsole.Status().StartAsync("Applying migrations...", _ => CliServices.MigrateAsync(db, ct));
        Console.WriteLine(applied == 0
            ? $"{CliServices.Describe(db)} database is up to date"
            : $"{CliServices.Describe(db)} database migrated: {applied} migration(s) applied");
    }
}

using System.CommandLine;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>keel jobs work</c>: a dedicated background-job node. It runs the same worker as the web app (Keel:Jobs settings,
/// leases, retries) until stopped with Ctrl+C or SIGTERM; deploy it beside web nodes that set Keel__Jobs__Enabled=false.
/// </summary>
internal static class JobsWorkCommand
{
    public static Command Create()
    {
        var work = new Command("work", "Run background jobs until stopped (uses Keel:Jobs and the database settings)");
        work.SetAction((_, ct) => CliFailure.GuardAsync("jobs work", RunAsync, ct));
        return new Command("jobs", "Background jobs") { work };
    }

    private static async Task RunAsync(CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        // Every poll is a query: EF's command log would drown out the job lines.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        builder.Services.AddKeelDb(builder.Configuration);
        builder.Services.AddKeelJobs(builder.Configuration);
        using var host = builder.Build();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            // A worker never migrates: several would race, and the deploy step (or a web node) owns the schema.
            var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                throw new CliException("the database has pending migrations; run keel migrate first");
            }
        }
        await host.RunAsync(ct);
    }
}

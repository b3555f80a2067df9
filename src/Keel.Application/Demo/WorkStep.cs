using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// The service desk's settings: API.md's default priority matrix, reopen window and automatic closing, with the
/// Service Desk team receiving the incidents no assignment rule routes elsewhere.
/// </summary>
internal sealed class WorkStep : IDemoSeedStep
{
    public string Name => "work";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var organization = context.Organization ?? throw new InvalidOperationException("The organization step runs first.");
        context.WorkSettings = new WorkSettings { DefaultIncidentTeamId = organization.Team(DemoAccounts.ServiceDeskTeam).Id };
        context.Db.Add(context.WorkSettings);
        await context.Db.SaveChangesAsync(ct);
        context.Db.ChangeTracker.Clear();
    }
}

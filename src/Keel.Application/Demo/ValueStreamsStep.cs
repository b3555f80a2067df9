using Keel.Domain.Balance;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>
/// Three value streams over the seeded work (demo profile only): onboarding access requests (the Identity &amp; Sign-in
/// access item, whose outcome is joiners productive on day one), restoring service after incidents, and delivering a
/// change. Their figures come from the seeded history like any stream's.
/// </summary>
internal sealed class ValueStreamsStep : IDemoSeedStep
{
    /// <summary>The catalogue item the onboarding stream follows (seeded by <see cref="DemoServices"/>).</summary>
    public const string OnboardingItem = "Access to Identity & Sign-in";

    public string Name => "value streams";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var onboarding = await db.Set<CatalogItem>().AsNoTracking().Where(c => c.Name == OnboardingItem)
            .Select(c => new { c.Id, c.ServiceId }).FirstOrDefaultAsync(ct);
        ValueStream[] streams =
        [
            Stream("Onboard a new employee", "A joiner's accounts and rights, from the manager's request to the day they can sign in.",
                WorkKind.Request, onboarding?.ServiceId, onboarding?.Id,
                ("Approve", ValueChainActivity.Engage, "Created", "Entered:InFulfilment"),
                ("Fulfil", ValueChainActivity.DeliverAndSupport, "Entered:InFulfilment", "Entered:Fulfilled"),
                ("Confirm and close", ValueChainActivity.Engage, "Entered:Fulfilled", "Entered:Closed")),
            Stream("Restore service", "From the first report of an incident to the requester's confirmation that the service works again.",
                WorkKind.Incident, null, null,
                ("Triage", ValueChainActivity.Engage, "Created", "Entered:InProgress"),
                ("Diagnose and fix", ValueChainActivity.DeliverAndSupport, "Entered:InProgress", "Entered:Resolved"),
                ("Confirm and close", ValueChainActivity.Engage, "Entered:Resolved", "Entered:Closed")),
            Stream("Deliver a normal change", "A change from its draft through assessment and authorization to implementation and review.",
                WorkKind.Change, null, null,
                ("Assess", ValueChainActivity.DesignAndTransition, "Created", "Entered:Authorize"),
                ("Authorize", ValueChainActivity.DesignAndTransition, "Entered:Authorize", "Entered:Scheduled"),
                ("Implement", ValueChainActivity.ObtainBuild, "Entered:Implement", "Entered:Review"),
                ("Review", ValueChainActivity.Improve, "Entered:Review", "Entered:Closed")),
        ];
        foreach (var stream in streams)
        {
            stream.Id = context.Ids.NextGuid();
        }
        db.AddRange(streams);
        await db.SaveChangesAsync(ct);
        context.Count("value streams", streams.Length);
    }

    private static ValueStream Stream(string name, string description, WorkKind kind, Guid? serviceId, Guid? catalogItemId,
        params (string Name, ValueChainActivity Activity, string Start, string End)[] steps) => new()
    {
        Name = name, Description = description, Kind = kind, ServiceId = serviceId, CatalogItemId = catalogItemId,
        Steps = [.. steps.Select((s, i) => new ValueStreamStep { Position = i, Name = s.Name, Activity = s.Activity, Start = s.Start, End = s.End })],
    };
}

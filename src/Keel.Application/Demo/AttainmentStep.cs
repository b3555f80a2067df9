using Keel.Application.ServiceLevels;
using Keel.Domain.ServiceLevels;

namespace Keel.Application.Demo;

/// <summary>
/// Fills the SLA attainment rollup for the seeded history (a year back and this month), so the service pages show a
/// year at once instead of waiting for the hourly job, which keeps only the current and previous month. Runs last,
/// after every step that writes clocks.
/// </summary>
internal sealed class AttainmentStep : IDemoSeedStep
{
    public string Name => "SLA attainment";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var current = AttainmentRules.MonthOf(context.Now);
        context.Count("attainment rows", await new AttainmentRollup(context.Db).RebuildAsync(current.AddMonths(-12), current, ct));
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Keel.Web.Hosting;

/// <summary>Flips to ready once migrations are applied and demo seeding (if any) has finished.</summary>
public sealed class Readiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}

internal sealed class ReadinessCheck(Readiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("Migrated and seeded.")
            : HealthCheckResult.Unhealthy("Starting: migrating or seeding."));
}

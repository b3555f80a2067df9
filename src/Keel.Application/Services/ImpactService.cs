using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

public sealed record ImpactView(
    Ref ConfigurationItem, int? MaxDepth, bool Truncated, IReadOnlyList<ImpactCiView> ConfigurationItems,
    IReadOnlyList<ImpactServiceView> Services, IReadOnlyList<ImpactBusinessUnitView> BusinessUnits);

/// <summary>An affected CI and the last step of a shortest path to it ("this CI <see cref="Via"/> reachedFrom").</summary>
public sealed record ImpactCiView(Guid Id, string Name, string Type, int Depth, Guid ReachedFromId, RelationshipType Via);

/// <summary>From the failed CI (first) to the affected one (last); <c>via[i]</c> joins <c>cis[i]</c> and <c>cis[i + 1]</c>.</summary>
public sealed record ImpactPathView(IReadOnlyList<Ref> Cis, IReadOnlyList<RelationshipType> Via);

public sealed record ImpactServiceView(Ref Service, Ref ViaCi, ImpactPathView Path);

public sealed record ImpactBusinessUnitView(Ref BusinessUnit, Ref ViaService, IReadOnlyList<Ref> Services, ImpactPathView Path);

/// <summary>If this CI fails: the CIs, services and business units affected, with paths (over the cached graph).</summary>
public sealed class ImpactService(KeelDb db, ICurrentUser user, ImpactGraphCache cache)
{
    public const int MaxDepthLimit = 100;

    public async Task<Result<ImpactView>> AnalyzeAsync(Guid ciId, int? maxDepth, CancellationToken ct)
    {
        if (maxDepth is < 0 or > MaxDepthLimit)
        {
            return Error.Validation("maxDepth", $"must be between 0 and {MaxDepthLimit}.");
        }
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.NotFound("The configuration item");
        }
        var snapshot = await cache.GetAsync(db, ct);
        if (!snapshot.Cis.TryGetValue(ciId, out var failed))
        {
            // A CI created on another node since the snapshot was built: look it up once.
            var stored = await db.Set<ConfigurationItem>().AsNoTracking().Where(c => c.Id == ciId).Select(c => new { c.Name, c.Type }).FirstOrDefaultAsync(ct);
            if (stored is null)
            {
                return Error.NotFound("The configuration item");
            }
            failed = (stored.Name, stored.Type);
        }
        var report = ImpactAnalyzer.Analyze(snapshot.Graph, ciId, maxDepth);
        var serviceIds = report.Services.Select(s => s.ServiceId).ToList();
        var services = await db.Set<Service>().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.Name })
            .ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var unitIds = report.BusinessUnits.Select(u => u.BusinessUnitId).ToList();
        var units = await db.Set<BusinessUnit>().Where(b => unitIds.Contains(b.Id)).Select(b => new { b.Id, b.Name })
            .ToDictionaryAsync(b => b.Id, b => b.Name, ct);

        string CiName(Guid id) => id == ciId ? failed.Name : snapshot.Cis.TryGetValue(id, out var c) ? c.Name : "";
        Ref Service(Guid id) => new(id, services.GetValueOrDefault(id, ""));
        ImpactPathView Path(ImpactPath path) => new(path.CiIds.Select(id => new Ref(id, CiName(id))).ToList(), path.Via);

        return new ImpactView(
            new Ref(ciId, failed.Name), report.MaxDepth, report.Truncated,
            report.ConfigurationItems.Select(c => new ImpactCiView(c.CiId, CiName(c.CiId),
                snapshot.Cis.TryGetValue(c.CiId, out var info) ? info.Type : "", c.Depth, c.ReachedFromCiId, c.Via)).ToList(),
            report.Services.Select(s => new ImpactServiceView(Service(s.ServiceId), new Ref(s.ViaCiId, CiName(s.ViaCiId)), Path(s.Path))).ToList(),
            report.BusinessUnits.Select(u => new ImpactBusinessUnitView(new Ref(u.BusinessUnitId, units.GetValueOrDefault(u.BusinessUnitId, "")),
                Service(u.ViaServiceId), u.ServiceIds.Select(Service).ToList(), Path(u.Path))).ToList());
    }
}

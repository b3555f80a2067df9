using Keel.Domain.Services.Configuration;

namespace Keel.Domain.Services.Impact;

/// <summary>
/// How a failure reaches something: the CIs from the failed one (first) to the affected one (last), and
/// the relationship at each step. <c>Via[i]</c> is the type of the stored relationship
/// "<c>CiIds[i + 1]</c> Via[i] <c>CiIds[i]</c>" — e.g. [db, app] via [DependsOn] reads "app DependsOn db".
/// </summary>
public sealed record ImpactPath(IReadOnlyList<Guid> CiIds, IReadOnlyList<RelationshipType> Via)
{
    /// <summary>The number of relationships between the failed CI and the end of the path.</summary>
    public int Depth => Via.Count;
}

/// <summary>
/// A CI affected by the failure (a value, so that tens of thousands of them are one allocation), and the last step of one shortest path to it: it is affected because it
/// stands in a <see cref="Via"/> relationship to <see cref="ReachedFromCiId"/> (the failed CI or another affected one).
/// Together these steps form a tree rooted at the failed CI, which is all a service map needs to draw;
/// <see cref="ImpactReport.PathTo"/> spells out the whole path for one CI.
/// </summary>
public readonly record struct AffectedCi(Guid CiId, Guid ReachedFromCiId, RelationshipType Via, int Depth);

/// <summary>A service delivered by an affected CI (or by the failed CI itself), through the nearest such CI.</summary>
public sealed record AffectedService(Guid ServiceId, Guid ViaCiId, ImpactPath Path);

/// <summary>
/// A business unit consuming affected services: all of them in <see cref="ServiceIds"/> (nearest first), and the
/// path to the nearest one.
/// </summary>
public sealed record AffectedBusinessUnit(Guid BusinessUnitId, Guid ViaServiceId, IReadOnlyList<Guid> ServiceIds, ImpactPath Path);

/// <summary>
/// What a failure of one CI affects. Each list is ordered by depth (nearest first), ties in the order the
/// relationships were loaded. <see cref="Truncated"/> says the depth limit cut off CIs that lie further out.
/// </summary>
/// <remarks>
/// CIs carry one step each rather than a whole path: a core switch can affect tens of thousands of CIs, and
/// spelling out every path would cost the sum of all depths in time and memory (and in response size).
/// Services and business units are few, so they carry their whole path.
/// </remarks>
public sealed class ImpactReport
{
    private Dictionary<Guid, AffectedCi>? _byId;

    public ImpactReport(
        Guid failedCiId,
        IReadOnlyList<AffectedCi> configurationItems,
        IReadOnlyList<AffectedService> services,
        IReadOnlyList<AffectedBusinessUnit> businessUnits,
        int? maxDepth,
        bool truncated)
    {
        FailedCiId = failedCiId;
        ConfigurationItems = configurationItems;
        Services = services;
        BusinessUnits = businessUnits;
        MaxDepth = maxDepth;
        Truncated = truncated;
    }

    public Guid FailedCiId { get; }
    public IReadOnlyList<AffectedCi> ConfigurationItems { get; }
    public IReadOnlyList<AffectedService> Services { get; }
    public IReadOnlyList<AffectedBusinessUnit> BusinessUnits { get; }
    public int? MaxDepth { get; }
    public bool Truncated { get; }

    /// <summary>The shortest path from the failed CI to <paramref name="ciId"/>; null when the failure does not reach it.</summary>
    public ImpactPath? PathTo(Guid ciId)
    {
        if (ciId == FailedCiId)
        {
            return new ImpactPath([FailedCiId], []);
        }
        // Built on first use; two threads racing here build the same map, and either one is right.
        var byId = _byId ??= ConfigurationItems.ToDictionary(c => c.CiId);
        if (!byId.TryGetValue(ciId, out var step))
        {
            return null;
        }
        var ids = new Guid[step.Depth + 1];
        var via = new RelationshipType[step.Depth];
        for (var i = step.Depth; i > 0; i--)
        {
            ids[i] = step.CiId;
            via[i - 1] = step.Via;
            if (i > 1)
            {
                step = byId[step.ReachedFromCiId];
            }
        }
        ids[0] = FailedCiId;
        return new ImpactPath(ids, via);
    }
}

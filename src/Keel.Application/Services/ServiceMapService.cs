using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Map;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

/// <summary>
/// A service map: the service (or the CI it is centred on) and what it stands on, laid out in layers. Either
/// <see cref="Service"/> or <see cref="ConfigurationItem"/> names the root. Coordinates are box centres in map
/// units; <see cref="NodeWidth"/> and <see cref="NodeHeight"/> give the box size, <see cref="Width"/> and
/// <see cref="Height"/> the whole map's.
/// </summary>
public sealed record ServiceMapView(
    Ref? Service, Ref? ConfigurationItem, int Depth, IReadOnlyList<MapNodeView> Nodes, IReadOnlyList<MapEdgeView> Edges,
    bool Truncated, bool Deeper, double Width, double Height, double NodeWidth, double NodeHeight);

/// <summary>
/// A box: a service (type "Service", status its lifecycle) or a CI (its type and status). <see cref="Hidden"/> counts the
/// CIs it delivers or needs that the map leaves out (at most a dozen are drawn below each box).
/// </summary>
public sealed record MapNodeView(Guid Id, string Name, MapNodeKind Kind, string Type, string Status, int Depth, double X, double Y, int Hidden);

/// <summary>An arrow from the side that needs to the side that is needed: a relationship type, or "DeliveredBy" from a service to its CI.</summary>
public sealed record MapEdgeView(Guid From, Guid To, string Type);

/// <summary>Draws a service's map (or a CI's) from the cached estate: names, types and statuses, no cost data. Not for the portal.</summary>
public sealed class ServiceMapService(KeelDb db, ICurrentUser user, ImpactGraphCache cache)
{
    public const int MinDepth = 1;
    public const int MaxDepth = 6;
    public const int DefaultDepth = 4;
    public const string DeliveredBy = nameof(DeliveredBy);

    public async Task<Result<ServiceMapView>> ForServiceAsync(Guid serviceId, int? depth, CancellationToken ct)
    {
        if (Refused(depth) is { } refused)
        {
            return refused;
        }
        var service = await db.Set<Service>().AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new { s.Name, s.Lifecycle }).FirstOrDefaultAsync(ct);
        if (service is null)
        {
            return Error.NotFound("The service");
        }
        var snapshot = await cache.GetAsync(db, ct);
        var map = ServiceMapLayout.ForService(snapshot.Dependencies, serviceId, depth ?? DefaultDepth);
        var root = new MapNodeView(serviceId, service.Name, MapNodeKind.Service, nameof(Service), service.Lifecycle.ToString(), 0, 0, 0, 0);
        return View(map, root, snapshot, new Ref(serviceId, service.Name), null);
    }

    public async Task<Result<ServiceMapView>> ForCiAsync(Guid ciId, int? depth, CancellationToken ct)
    {
        if (Refused(depth) is { } refused)
        {
            return refused;
        }
        var snapshot = await cache.GetAsync(db, ct);
        MapNodeView root;
        if (snapshot.Cis.TryGetValue(ciId, out var known))
        {
            root = new MapNodeView(ciId, known.Name, MapNodeKind.Ci, known.Type, snapshot.Statuses[ciId].ToString(), 0, 0, 0, 0);
        }
        else
        {
            // A CI created on another node since the snapshot was built: look it up once; it has no relationships yet here.
            var stored = await db.Set<ConfigurationItem>().AsNoTracking().Where(c => c.Id == ciId)
                .Select(c => new { c.Name, c.Type, c.Status }).FirstOrDefaultAsync(ct);
            if (stored is null)
            {
                return Error.NotFound("The configuration item");
            }
            root = new MapNodeView(ciId, stored.Name, MapNodeKind.Ci, stored.Type, stored.Status.ToString(), 0, 0, 0, 0);
        }
        var map = ServiceMapLayout.ForCi(snapshot.Dependencies, ciId, depth ?? DefaultDepth);
        return View(map, root, snapshot, null, new Ref(ciId, root.Name));
    }

    private Error? Refused(int? depth)
    {
        if (depth is < MinDepth or > MaxDepth)
        {
            return Error.Validation("depth", $"must be between {MinDepth} and {MaxDepth}.");
        }
        // The portal never shows how services are built; a requester learns nothing, not even that the record exists.
        return ServiceAccess.AudienceOf(user) == ServiceAudience.Portal
            ? Error.NotFound("The service")
            : null;
    }

    private static ServiceMapView View(ServiceMap map, MapNodeView root, ImpactSnapshot snapshot, Ref? service, Ref? ci)
    {
        MapNodeView Node(MapNode n)
        {
            if (n.Depth == 0)
            {
                return root with { X = n.X, Y = n.Y, Hidden = n.Hidden };
            }
            var (name, type) = snapshot.Cis.TryGetValue(n.Id, out var c) ? c : ("", "");
            var status = snapshot.Statuses.TryGetValue(n.Id, out var s) ? s.ToString() : "";
            return new MapNodeView(n.Id, name, n.Kind, type, status, n.Depth, n.X, n.Y, n.Hidden);
        }
        var nodes = map.Nodes.Select(Node).ToList();
        var edges = map.Edges.Select(e => new MapEdgeView(e.FromId, e.ToId, e.Relationship?.ToString() ?? DeliveredBy)).ToList();
        return new ServiceMapView(service, ci, map.MaxDepth, nodes, edges, map.Truncated, map.Deeper, map.Width, map.Height,
            ServiceMapLayout.NodeWidth, ServiceMapLayout.NodeHeight);
    }
}

namespace Keel.Domain.Services.Catalog;

/// <summary>What the requester portal shows: the one rule behind the portal page and a requester's <c>GET /api/v1/services</c>.</summary>
public static class Offering
{
    /// <summary>Only live services appear, and of them only the active items offered to the requester's unit.</summary>
    public static bool IsOffered(Service service, CatalogItem item, Guid? requesterBusinessUnitId) =>
        service.Lifecycle == ServiceLifecycle.Live && item.ServiceId == service.Id && item.IsOfferedTo(requesterBusinessUnitId);

    /// <summary>The live services with at least one item offered to the unit, each with those items, in name order.</summary>
    public static IReadOnlyList<(Service Service, IReadOnlyList<CatalogItem> Items)> For(
        IEnumerable<Service> services, IEnumerable<CatalogItem> items, Guid? requesterBusinessUnitId)
    {
        var byService = items.ToLookup(i => i.ServiceId);
        return services
            .Where(s => s.Lifecycle == ServiceLifecycle.Live)
            .Select(s => (Service: s, Items: (IReadOnlyList<CatalogItem>)byService[s.Id]
                .Where(i => IsOffered(s, i, requesterBusinessUnitId))
                .OrderBy(i => i.Name, StringComparer.InvariantCultureIgnoreCase)
                .ToList()))
            .Where(x => x.Items.Count > 0)
            .OrderBy(x => x.Service.Name, StringComparer.InvariantCultureIgnoreCase)
            .ToList();
    }
}

using Keel.Application.Data;
using Keel.Application.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>Answers the services area's questions about the work that refers to a service or a CI.</summary>
public sealed class ServiceWorkCounter(KeelDb db) : IServiceWorkCounter
{
    public Task<int> OpenWorkItemsAsync(Guid serviceId, CancellationToken ct) =>
        Open(db.Set<WorkItem>().Where(w => w.ServiceId == serviceId)).CountAsync(ct);

    public async Task<(int All, int Open)> WorkOnCiAsync(Guid ciId, CancellationToken ct)
    {
        var onCi = db.Set<WorkItem>().Where(w => w.ConfigurationItemId == ciId);
        return (await onCi.CountAsync(ct), await Open(onCi).CountAsync(ct));
    }

    internal static IQueryable<WorkItem> Open(IQueryable<WorkItem> items) =>
        items.Where(w => !Workflows.NotOpenStates.Contains(w.State));
}

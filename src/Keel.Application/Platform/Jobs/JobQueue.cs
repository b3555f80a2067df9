using System.Runtime.CompilerServices;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Jobs;

internal sealed class JobQueue(KeelDb db, TimeProvider time, JobHandlerRegistry handlers) : IJobQueue
{
    public Task<Guid> EnqueueAsync(string type, object? payload = null, DateTime? runAt = null, CancellationToken cancellationToken = default) =>
        EnqueueAsync(new JobRequest(type, payload, runAt), cancellationToken);

    public async Task<Guid> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var payload = request.Payload is null ? "{}" : JsonSerializer.Serialize(request.Payload, JobContext.Json);
        var runAt = request.RunAt?.ToUniversalTime() ?? now.UtcDateTime;

        // A plain INSERT rather than Add + SaveChanges: it leaves the caller's other pending changes alone,
        // and ON CONFLICT DO NOTHING makes a repeated dedupe key a no-op on both providers without aborting a transaction.
        var inserted = await db.Database.ExecuteSqlAsync(
            FormattableStringFactory.Create(JobSql.For(db).Insert, id, request.Type, payload, runAt, now.UtcDateTime, request.DedupeKey),
            cancellationToken);
        if (inserted == 1 || request.DedupeKey is null)
        {
            return id;
        }
        return await db.Set<Job>().Where(j => j.DedupeKey == request.DedupeKey).Select(j => j.Id).SingleAsync(cancellationToken);
    }

    private void Validate(JobRequest request)
    {
        if (!handlers.Handles(request.Type))
        {
            throw new ArgumentException(
                $"No job handler is registered for '{request.Type}'; register one with services.AddJobHandler<T>().", nameof(request));
        }
        if (request.DedupeKey is { Length: 0 or > Job.MaxDedupeKeyLength })
        {
            throw new ArgumentException($"A dedupe key has 1 to {Job.MaxDedupeKeyLength} characters.", nameof(request));
        }
    }
}

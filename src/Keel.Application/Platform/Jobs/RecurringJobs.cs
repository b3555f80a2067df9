using Keel.Application.Data;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Application.Platform.Jobs;

/// <summary>One <c>AddRecurringJob(...)</c> call: enqueue a <paramref name="JobType"/> job on <paramref name="Schedule"/>.</summary>
public sealed record RecurringJobDefinition(string Name, string JobType, RecurringSchedule Schedule, object? Payload = null);

/// <summary>
/// Turns recurring schedules into queued jobs. Every node may try; the conditional update of NextRunAt lets exactly one
/// of them win each occurrence, and the winner enqueues the job in the same transaction.
/// </summary>
internal sealed class RecurringJobScheduler(
    IServiceScopeFactory scopes,
    IEnumerable<RecurringJobDefinition> definitions,
    TimeProvider time,
    ILogger<RecurringJobScheduler> log)
{
    private readonly IReadOnlyList<RecurringJobDefinition> _definitions = definitions.ToList();
    private bool _synced;

    /// <summary>Enqueues each due occurrence once; returns how many this node enqueued.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        if (_definitions.Count == 0)
        {
            return 0;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
        if (!_synced)
        {
            await SyncDefinitionsAsync(db, ct);
            _synced = true;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var names = _definitions.Select(d => d.Name).ToList();
        var due = await db.Set<RecurringJob>().AsNoTracking()
            .Where(r => names.Contains(r.Name) && r.NextRunAt <= now)
            .ToListAsync(ct);
        var enqueued = 0;
        foreach (var occurrence in due)
        {
            if (await TryEnqueueAsync(scope.ServiceProvider, db, occurrence, now, ct))
            {
                enqueued++;
            }
        }
        return enqueued;
    }

    private async Task<bool> TryEnqueueAsync(IServiceProvider services, KeelDb db, RecurringJob occurrence, DateTime now, CancellationToken ct)
    {
        var definition = _definitions.First(d => d.Name == occurrence.Name);
        var dueAt = occurrence.NextRunAt;
        var next = definition.Schedule.NextAfter(dueAt, now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The race: on PostgreSQL a second node blocks on the row lock, then sees NextRunAt changed and updates nothing.
        var won = await db.Set<RecurringJob>()
            .Where(r => r.Name == occurrence.Name && r.NextRunAt == dueAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextRunAt, next).SetProperty(r => r.LastEnqueuedAt, now), ct) == 1;
        if (!won)
        {
            return false;
        }
        var queue = services.GetRequiredService<IJobQueue>();
        // The key makes the occurrence idempotent even if two schedules somehow overlapped.
        var key = $"recurring:{occurrence.Name}:{dueAt:yyyyMMddTHHmmssfffffff}";
        await queue.EnqueueAsync(new JobRequest(definition.JobType, definition.Payload, now, key), ct);
        await transaction.CommitAsync(ct);
        log.LogDebug("Enqueued recurring job {Name} due {DueAt:O}; next at {NextRunAt:O}.", occurrence.Name, dueAt, next);
        return true;
    }

    /// <summary>Adds schedules new in code; a changed schedule or type restarts from its first occurrence after now.</summary>
    private async Task SyncDefinitionsAsync(KeelDb db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sql = JobSql.For(db);
        foreach (var definition in _definitions)
        {
            var schedule = definition.Schedule.ToString();
            var payload = definition.Payload is null ? "{}" : System.Text.Json.JsonSerializer.Serialize(definition.Payload, JobContext.Json);
            var first = definition.Schedule.FirstAfter(now);
            await db.Database.ExecuteSqlRawAsync(sql.InsertRecurring, [definition.Name, definition.JobType, payload, schedule, first], ct);
            await db.Set<RecurringJob>()
                .Where(r => r.Name == definition.Name && (r.Schedule != schedule || r.JobType != definition.JobType || r.Payload != payload))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Schedule, schedule)
                    .SetProperty(r => r.JobType, definition.JobType)
                    .SetProperty(r => r.Payload, payload)
                    .SetProperty(r => r.NextRunAt, first), ct);
        }
    }
}

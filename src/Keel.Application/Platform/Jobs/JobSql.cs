using System.Collections.Concurrent;
using Keel.Application.Data;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Keel.Application.Platform.Jobs;

/// <summary>
/// The few statements LINQ cannot express (claiming with a lease, insert-or-ignore). Table and column names come from
/// the EF model and are quoted by the provider, so they always match the migrations. Parameters are {0}, {1}, …
/// </summary>
internal sealed class JobSql
{
    private static readonly ConcurrentDictionary<string, JobSql> ByProvider = new(StringComparer.Ordinal);

    private JobSql(KeelDb db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var job = new Names(db.Model.FindEntityType(typeof(Job))!, sql);
        var recurring = new Names(db.Model.FindEntityType(typeof(RecurringJob))!, sql);
        var (queued, running) = ($"'{nameof(JobState.Queued)}'", $"'{nameof(JobState.Running)}'");
        string J(string property) => job.Column(property);
        string R(string property) => recurring.Column(property);

        // {0} owner, {1} lease expiry, {2} now, {3} how many.
        var due = $$"""
            ({{J(nameof(Job.State))}} = {{queued}} AND {{J(nameof(Job.RunAt))}} <= {2})
               OR ({{J(nameof(Job.State))}} = {{running}} AND {{J(nameof(Job.LeaseExpiresAt))}} <= {2})
            """;
        var claimed = $$"""
            {{J(nameof(Job.State))}} = {{running}}, {{J(nameof(Job.LeaseOwner))}} = {0}, {{J(nameof(Job.LeaseExpiresAt))}} = {1},
                {{J(nameof(Job.StartedAt))}} = {2}
            """;
        Claim = db.IsPostgres
            // SKIP LOCKED lets nodes claim disjoint batches without waiting on each other; the lock is held until the UPDATE commits.
            ? $$"""
              WITH due AS (
                  SELECT {{J(nameof(Job.Id))}} FROM {{job.Table}}
                  WHERE {{due}}
                  ORDER BY {{J(nameof(Job.RunAt))}}, {{J(nameof(Job.Id))}}
                  LIMIT {3}
                  FOR UPDATE SKIP LOCKED)
              UPDATE {{job.Table}} AS j
              SET {{claimed}}, {{J(nameof(Job.Attempts))}} = j.{{J(nameof(Job.Attempts))}} + 1
              FROM due WHERE j.{{J(nameof(Job.Id))}} = due.{{J(nameof(Job.Id))}}
              RETURNING j.*
              """
            // SQLite runs one write statement at a time over the whole file, so a single UPDATE is already atomic.
            : $$"""
              UPDATE {{job.Table}}
              SET {{claimed}}, {{J(nameof(Job.Attempts))}} = {{J(nameof(Job.Attempts))}} + 1
              WHERE {{J(nameof(Job.Id))}} IN (
                  SELECT {{J(nameof(Job.Id))}} FROM {{job.Table}}
                  WHERE {{due}}
                  ORDER BY {{J(nameof(Job.RunAt))}}, {{J(nameof(Job.Id))}}
                  LIMIT {3})
              RETURNING *
              """;

        // {0} id, {1} type, {2} payload, {3} run at, {4} created at, {5} dedupe key.
        Insert = $$"""
            INSERT INTO {{job.Table}} ({{J(nameof(Job.Id))}}, {{J(nameof(Job.Type))}}, {{J(nameof(Job.Payload))}}, {{J(nameof(Job.State))}},
                {{J(nameof(Job.Attempts))}}, {{J(nameof(Job.RunAt))}}, {{J(nameof(Job.CreatedAt))}}, {{J(nameof(Job.DedupeKey))}})
            VALUES ({0}, {1}, {2}, {{queued}}, 0, {3}, {4}, {5})
            ON CONFLICT DO NOTHING
            """;

        // {0} name, {1} job type, {2} payload, {3} schedule, {4} next run.
        InsertRecurring = $$"""
            INSERT INTO {{recurring.Table}} ({{R(nameof(RecurringJob.Name))}}, {{R(nameof(RecurringJob.JobType))}},
                {{R(nameof(RecurringJob.Payload))}}, {{R(nameof(RecurringJob.Schedule))}}, {{R(nameof(RecurringJob.NextRunAt))}})
            VALUES ({0}, {1}, {2}, {3}, {4})
            ON CONFLICT DO NOTHING
            """;
    }

    /// <summary>Leases up to {3} due jobs (queued and due, or running with an expired lease) and returns them.</summary>
    public string Claim { get; }

    /// <summary>Inserts a queued job unless its dedupe key is taken.</summary>
    public string Insert { get; }

    /// <summary>Inserts a recurring schedule unless one of that name exists (several nodes start at once).</summary>
    public string InsertRecurring { get; }

    public static JobSql For(KeelDb db) => ByProvider.GetOrAdd(db.Database.ProviderName ?? "", _ => new JobSql(db));

    private sealed class Names(IEntityType entity, ISqlGenerationHelper sql)
    {
        private readonly StoreObjectIdentifier _table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

        public string Table => sql.DelimitIdentifier(_table.Name, _table.Schema);

        public string Column(string property) =>
            sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(_table)!);
    }
}

using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Domain.Experience;
using Keel.Domain.Value;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Value;

/// <summary>What one run of the rollup rewrote: the days (in ranges) and the rows written.</summary>
public sealed record ValueRollupRun(IReadOnlyList<(DateOnly First, DateOnly Last)> Ranges, int Rows)
{
    public int Days => Ranges.Sum(r => r.Last.DayNumber - r.First.DayNumber + 1);
}

/// <summary>
/// Keeps the value rollup (<see cref="ServiceDay"/>, <see cref="ServiceUnitDay"/>) equal to a count from scratch of the
/// raw records (<see cref="ValueDayCounter"/>), rewriting whole days for all services at a time: the old rows of the
/// days deleted and the new ones written in one transaction, so rerunning gives the same rows. The catch-up rewrites
/// only the days touched since its mark (<see cref="ValueTouchedDays"/>). Several nodes may run it at once: on
/// PostgreSQL a transaction-scoped advisory lock makes them take turns; SQLite has one writer at a time anyway.
/// </summary>
internal sealed class ValueRollup(KeelDb db, TimeProvider time)
{
    public const string MarkName = "value";

    /// <summary>
    /// How far before its run's start the mark is set: a use case stamps its records with the time it ran but commits a
    /// moment later, so a record committed just after a catch-up read may carry an instant before that run's start.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Touched days closer than this are rewritten as one range, the days between included: one more round of queries
    /// costs more than rewriting a few quiet days.
    /// </summary>
    private const int MaxGap = 3;

    /// <summary>Any fixed number; only the value rollup takes this advisory lock.</summary>
    private const long LockKey = 0x4B45454C_56414C55; // "KEELVALU"

    /// <summary>Rewrites the days from <paramref name="first"/> to <paramref name="last"/> (both included); the mark stays.</summary>
    public Task<ValueRollupRun> RebuildAsync(DateOnly first, DateOnly last, CancellationToken ct) =>
        InTransactionAsync(async () => new ValueRollupRun([(first, last)], await RewriteAsync(first, last, ct)), ct);

    /// <summary>
    /// Rewrites every day from the first record to tomorrow (a work log may be dated a day ahead) and sets the mark, so
    /// the catch-up goes on from here: the job's first run, the demo seed, and an admin's full rebuild.
    /// </summary>
    public Task<ValueRollupRun> RebuildAllAsync(CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var start = Now;
            var run = await RewriteAllAsync(start, ct);
            await SetMarkAsync(start, ct);
            return run;
        }, ct);

    /// <summary>Rewrites the days touched since the mark and moves it to this run's start (less <see cref="Overlap"/>); with no mark, everything.</summary>
    public Task<ValueRollupRun> CatchUpAsync(CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var start = Now;
            var mark = await db.Set<RollupMark>().AsNoTracking().FirstOrDefaultAsync(m => m.Name == MarkName, ct);
            ValueRollupRun run;
            if (mark is null)
            {
                run = await RewriteAllAsync(start, ct);
            }
            else
            {
                var ranges = Ranges(await new ValueTouchedDays(db).SinceAsync(mark.Since, ct));
                var rows = 0;
                foreach (var (first, last) in ranges)
                {
                    rows += await RewriteAsync(first, last, ct);
                }
                run = new ValueRollupRun(ranges, rows);
            }
            await SetMarkAsync(start, ct);
            return run;
        }, ct);

    /// <summary>Sorted days as ranges of consecutive days, closing gaps of up to <see cref="MaxGap"/> days.</summary>
    public static List<(DateOnly First, DateOnly Last)> Ranges(IEnumerable<DateOnly> days)
    {
        var ranges = new List<(DateOnly First, DateOnly Last)>();
        foreach (var day in days.Order())
        {
            if (ranges.Count > 0 && day.DayNumber - ranges[^1].Last.DayNumber <= MaxGap + 1)
            {
                ranges[^1] = (ranges[^1].First, day > ranges[^1].Last ? day : ranges[^1].Last);
            }
            else
            {
                ranges.Add((day, day));
            }
        }
        return ranges;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<ValueRollupRun> RewriteAllAsync(DateTime start, CancellationToken ct)
    {
        var last = DateOnly.FromDateTime(start).AddDays(1);
        var first = await FirstDayAsync(ct) ?? last;
        return new ValueRollupRun([(first, last)], await RewriteAsync(first, last, ct));
    }

    /// <summary>The earliest day anything counts on: the first item raised, work log dated or survey sent (clocks start with their items).</summary>
    public async Task<DateOnly?> FirstDayAsync(CancellationToken ct)
    {
        var item = await db.Set<WorkItem>().MinAsync(w => (DateTime?)w.CreatedAt, ct);
        var log = await db.Set<WorkLog>().MinAsync(l => (DateOnly?)l.Date, ct);
        var survey = await db.Set<Survey>().MinAsync(s => (DateTime?)s.SentAt, ct);
        DateOnly?[] candidates = [item is { } i ? DateOnly.FromDateTime(i) : null, log, survey is { } s ? DateOnly.FromDateTime(s) : null];
        return candidates.Where(d => d is not null).Min();
    }

    private async Task<int> RewriteAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        await db.Set<ServiceDay>().Where(d => d.Day >= first && d.Day <= last).ExecuteDeleteAsync(ct);
        await db.Set<ServiceUnitDay>().Where(d => d.Day >= first && d.Day <= last).ExecuteDeleteAsync(ct);
        var (days, units) = await new ValueDayCounter(db).CountAsync(first, last, ct);
        // A year is some 20,000 new rows: the change tracker took about a minute for them on the demo database, the
        // seed's bulk insert (COPY, or one prepared INSERT) takes well under a second.
        return await BulkInsert.InsertAsync(db, days, ct) + await BulkInsert.InsertAsync(db, units, ct);
    }

    private async Task SetMarkAsync(DateTime runStart, CancellationToken ct)
    {
        var since = runStart - Overlap;
        if (await db.Set<RollupMark>().Where(m => m.Name == MarkName).ExecuteUpdateAsync(m => m.SetProperty(x => x.Since, since), ct) == 0)
        {
            db.Add(new RollupMark { Name = MarkName, Since = since });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Inside a caller's transaction (the demo seed) the work joins it; otherwise it is its own, under the lock.</summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey], ct);
            }
            var result = await work();
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            return result;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}

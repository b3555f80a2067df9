using System.Diagnostics;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Bench;

/// <summary>
/// Reads the last page of a long list two ways on SQLite: Keel's keyset cursor against the offset
/// (Skip/Take) paging that the tools Keel replaces use. Prints time per page and the ratio.
/// </summary>
internal static class PagingBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        var folder = Directory.CreateTempSubdirectory("keel-bench-").FullName;
        try
        {
            var options = new DbContextOptionsBuilder<KeelDb>();
            KeelDbSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}");
            await using var db = new KeelDb(options.Options);
            await KeelDbSetup.MigrateAsync(db);
            await FillAsync(db, rows);

            var pager = new KeysetPager<BusinessUnit>(b => b.Id, SortKey<BusinessUnit>.By("name", b => b.Name));
            var cursor = await CursorNearEndAsync(db, pager, rows);
            var keyset = await TimeAsync(async () => await pager.PageAsync(db.Set<BusinessUnit>().AsNoTracking(), new PageRequest(50, cursor), default));
            var offset = await TimeAsync(async () => await db.Set<BusinessUnit>().AsNoTracking().OrderBy(b => b.Name).ThenBy(b => b.Id).Skip(rows - 100).Take(51).ToListAsync());
            Console.WriteLine($"rows={rows} deep page: keyset {keyset.TotalMilliseconds:F2} ms, offset {offset.TotalMilliseconds:F2} ms, offset/keyset = {offset / keyset:F1}x");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task FillAsync(KeelDb db, int rows)
    {
        // Business units stand in for any named list here: the platform has no large table yet.
        const int batch = 5_000;
        for (var i = 0; i < rows; i += batch)
        {
            db.Set<BusinessUnit>().AddRange(Enumerable.Range(i, Math.Min(batch, rows - i))
                .Select(n => new BusinessUnit { Name = $"Unit {n:D8}", Code = $"U{n}" }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<string?> CursorNearEndAsync(KeelDb db, KeysetPager<BusinessUnit> pager, int rows)
    {
        var last = await db.Set<BusinessUnit>().AsNoTracking().OrderBy(b => b.Name).ThenBy(b => b.Id).Skip(rows - 101).FirstAsync();
        var page = await pager.PageAsync(db.Set<BusinessUnit>().AsNoTracking().Where(b => b.Name.CompareTo(last.Name) >= 0), new PageRequest(1), default);
        return page.Value!.NextCursor;
    }

    /// <summary>Median of 21 runs after 3 warm-ups.</summary>
    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        for (var i = 0; i < 3; i++)
        {
            await action();
        }
        var times = new List<TimeSpan>();
        for (var i = 0; i < 21; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}

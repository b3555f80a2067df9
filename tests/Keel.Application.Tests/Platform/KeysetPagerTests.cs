using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Platform;

public sealed class KeysetPagerTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly KeysetPager<Team> Pager = new(t => t.Id,
        SortKey<Team>.By("name", t => t.Name), SortKey<Team>.By("rate", t => t.HourlyRateMinor));

    [Theory, DatabaseData]
    public async Task Page_ThroughTiedSortValues_EveryRowOnceInTheDatabaseOrder(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using (var db = database.NewDbContext())
        {
            // Many equal rates force the id tie-breaker (a Guid comparison) to carry the paging.
            db.AddRange(Enumerable.Range(0, 23).Select(i => new Team { Name = $"Team {i:D2}", HourlyRateMinor = i % 3 * 1000 }));
            await db.SaveChangesAsync(Ct);
        }

        foreach (var sort in new[] { "rate", "-rate", "name", "-name" })
        {
            await using var db = database.NewDbContext();
            var expected = (await Pager.PageAsync(db.Set<Team>(), new PageRequest(500, Sort: sort), Ct)).Value!.Items.Select(t => t.Id).ToList();
            var seen = new List<Guid>();
            string? cursor = null;
            do
            {
                var page = await Pager.PageAsync(db.Set<Team>().AsNoTracking(), new PageRequest(4, cursor, sort), Ct);
                page.IsSuccess.ShouldBeTrue();
                seen.AddRange(page.Value!.Items.Select(t => t.Id));
                cursor = page.Value.NextCursor;
            }
            while (cursor is not null);

            seen.Count.ShouldBe(23, sort);
            seen.ShouldBe(expected, sort);
        }
    }

    [Theory, DatabaseData]
    public async Task Page_CursorFromAnotherSort_RefusedAsInvalid(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var db = database.NewDbContext();
        db.AddRange(Enumerable.Range(0, 5).Select(i => new Team { Name = $"Team {i}" }));
        await db.SaveChangesAsync(Ct);
        var first = await Pager.PageAsync(db.Set<Team>(), new PageRequest(2, Sort: "name"), Ct);

        var wrong = await Pager.PageAsync(db.Set<Team>(), new PageRequest(2, first.Value!.NextCursor, "-rate"), Ct);

        wrong.Error!.Fields!.Keys.ShouldContain("cursor");
    }
}

using Keel.Application.Balance;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Notifications;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class BalanceDriftHandlerTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Check_RunOverTwoMonths_LeadersToldOnceEvenWhenItGoesOn(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await BalanceWorld.CreateAsync(database);
        var leader = await PlatformData.AddUserAsync(database, "leader");
        await using (var db = database.NewDbContext())
        {
            var role = await db.Roles.FirstOrDefaultAsync(r => r.NormalizedName == "ITLEADER", Ct);
            if (role is null)
            {
                role = new KeelRole { Name = Roles.ItLeader, NormalizedName = "ITLEADER" };
                db.Add(role);
            }
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = leader.Id, RoleId = role.Id });
            await db.SaveChangesAsync(Ct);
        }
        var outage = await world.ItemAsync("Mail outage", InvestmentCategory.Run, world.Work.Desk.Id);
        var portal = await world.ItemAsync("Portal", InvestmentCategory.Grow, null);
        await world.SetTargetAsync("2026-01", 55, 15, 20, 10, 5);
        await world.LogAsync(world.Work.Agent, outage, new DateOnly(2026, 1, 10), 600);
        await world.LogAsync(world.Work.Agent, portal, new DateOnly(2026, 1, 11), 100);
        await world.LogAsync(world.Work.Agent, outage, new DateOnly(2026, 2, 10), 600);

        var first = await CheckAsync(database);
        var again = await CheckAsync(database);
        await world.LogAsync(world.Work.Agent, outage, new DateOnly(2026, 3, 3), 600);
        database.Time.Advance(TimeSpan.FromDays(31)); // March is over: the same run of drift goes on
        var later = await CheckAsync(database);

        (first, again, later).ShouldBe((4, 0, 0)); // since January Run over, the other three under
        await using var check = database.NewDbContext();
        var told = await check.Set<Notification>().Where(n => n.Event == NotificationEvent.BalanceDrift).ToListAsync(Ct);
        told.Count.ShouldBe(4);
        told.ShouldAllBe(n => n.RecipientId == leader.Id && n.Link!.StartsWith("/balance"));
        told.ShouldContain(n => n.Subject.Contains("Run has been above its target"));
    }

    private static async Task<int> CheckAsync(TestDatabase database)
    {
        await using var db = database.NewDbContext();
        return await new BalanceDriftHandler(db, database.Time, new NotificationLinks(NotificationLinks.DefaultPublicUrl)).CheckAsync(Ct);
    }
}

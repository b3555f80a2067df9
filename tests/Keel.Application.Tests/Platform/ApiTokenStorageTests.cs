using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Platform;

public sealed class ApiTokenStorageTests(DatabaseFixture databases)
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task ApiToken_Dates_ReadBackAsTheSameUtcInstants(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var user = await PlatformData.AddUserAsync(database, "agent");
        var created = new DateTime(2026, 3, 2, 9, 15, 30, 125, DateTimeKind.Utc);
        var token = PlatformData.Token(user.Id, Hash, created, created.AddDays(90));
        token.RevokedAt = created.AddDays(1).AddMinutes(7);
        await using (var db = database.NewDbContext())
        {
            db.Add(token);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewDbContext();
        var stored = await read.Set<ApiToken>().SingleAsync(t => t.Id == token.Id, Ct);
        stored.CreatedAt.ShouldBe(created);
        stored.CreatedAt.Kind.ShouldBe(DateTimeKind.Utc);
        stored.ExpiresAt.ShouldBe(created.AddDays(90));
        stored.ExpiresAt.Kind.ShouldBe(DateTimeKind.Utc);
        stored.RevokedAt.ShouldBe(created.AddDays(1).AddMinutes(7));
        stored.RevokedAt!.Value.Kind.ShouldBe(DateTimeKind.Utc);
        stored.LastUsedAt.ShouldBeNull();
    }

    [Theory, DatabaseData]
    public async Task ApiToken_QueriedByExpiry_OnlyUnexpiredUnrevokedTokensAreActive(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var user = await PlatformData.AddUserAsync(database, "agent");
        var now = database.Time.GetUtcNow().UtcDateTime;
        var expired = PlatformData.Token(user.Id, "aaaaaaaa-expired", now.AddDays(-30), now.AddSeconds(-1));
        var active = PlatformData.Token(user.Id, "bbbbbbbb-active", now.AddDays(-30), now.AddDays(1));
        var revoked = PlatformData.Token(user.Id, "cccccccc-revoked", now.AddDays(-30), now.AddDays(1));
        revoked.RevokedAt = now.AddHours(-1);
        await using (var db = database.NewDbContext())
        {
            db.AddRange(expired, active, revoked);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewDbContext();
        var names = await read.Set<ApiToken>()
            .Where(t => t.UserId == user.Id && t.RevokedAt == null && t.ExpiresAt > now)
            .Select(t => t.Hash)
            .ToListAsync(Ct);
        names.ShouldBe(["bbbbbbbb-active"]);
    }

    [Theory, DatabaseData]
    public async Task ApiToken_WithTheHashOfAnotherToken_IsRefused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var alice = await PlatformData.AddUserAsync(database, "alice");
        var bob = await PlatformData.AddUserAsync(database, "bob");
        var now = database.Time.GetUtcNow().UtcDateTime;
        await using (var db = database.NewDbContext())
        {
            db.Add(PlatformData.Token(alice.Id, Hash, now, now.AddDays(30)));
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = database.NewDbContext())
        {
            db.Add(PlatformData.Token(bob.Id, Hash, now, now.AddDays(30)));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        await using var read = database.NewDbContext();
        var owners = await read.Set<ApiToken>().Where(t => t.Hash == Hash).Select(t => t.UserId).ToListAsync(Ct);
        owners.ShouldBe([alice.Id]);
    }
}

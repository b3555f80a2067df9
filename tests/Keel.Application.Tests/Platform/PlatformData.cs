using System.Text.Json;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;

namespace Keel.Application.Tests.Platform;

/// <summary>Small records for the platform data-access tests.</summary>
internal static class PlatformData
{
    public static async Task<BusinessUnit> AddBusinessUnitAsync(TestDatabase database, string name, string code)
    {
        var unit = new BusinessUnit { Name = name, Code = code };
        await using var db = database.NewDbContext();
        db.Add(unit);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return unit;
    }

    public static async Task<KeelUser> AddUserAsync(TestDatabase database, string userName)
    {
        var user = new KeelUser
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = userName,
            CreatedAt = database.Time.GetUtcNow().UtcDateTime,
        };
        await using var db = database.NewDbContext();
        db.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user;
    }

    public static ApiToken Token(Guid userId, string hash, DateTime createdAt, DateTime expiresAt) => new()
    {
        UserId = userId,
        Name = "script",
        Prefix = hash[..8],
        Hash = hash,
        CanWrite = true,
        CreatedAt = createdAt,
        ExpiresAt = expiresAt,
    };

    /// <summary>The field changes of an audit line: field → (before, after), as the text the trail shows.</summary>
    public static Dictionary<string, (string? Before, string? After)> Changes(AuditEntry line)
    {
        using var json = JsonDocument.Parse(line.Changes);
        return json.RootElement.EnumerateObject().ToDictionary(
            field => field.Name,
            field => (Text(field.Value.GetProperty("Before")), Text(field.Value.GetProperty("After"))),
            StringComparer.Ordinal);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}

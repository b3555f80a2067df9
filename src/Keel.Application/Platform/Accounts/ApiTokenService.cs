using System.Security.Cryptography;
using System.Text;
using Keel.Application.Data;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Accounts;

public sealed record CreateTokenCommand(string? UserName, string? Password, string? Name, int? ExpiresInDays, IReadOnlyList<string>? Scopes);

public sealed record IssuedToken(Guid Id, string Token, DateTime ExpiresAt, IReadOnlyList<string> Scopes);

public sealed record TokenSummary(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>Issues, lists, revokes and resolves personal API tokens; only SHA-256 hashes are stored.</summary>
public sealed class ApiTokenService(KeelDb db, CredentialCheck credentials, TimeProvider time)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 365;
    private const string TokenPrefix = "keel_";

    public async Task<Result<IssuedToken>> CreateAsync(CreateTokenCommand command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Optional("name", command.Name, 100);
        if (command.ExpiresInDays is < 1 or > MaxDays)
        {
            errors.Add("expiresInDays", $"must be between 1 and {MaxDays}.");
        }
        var canWrite = true;
        if (command.Scopes is { } scopes)
        {
            var set = scopes.ToHashSet(StringComparer.Ordinal);
            if (set.SetEquals(["read"]))
            {
                canWrite = false;
            }
            else if (!set.SetEquals(["read", "write"]))
            {
                errors.Add("scopes", "must be [\"read\"] or [\"read\", \"write\"].");
            }
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var user = await credentials.CheckAsync(command.UserName, command.Password, ct);
        if (!user.IsSuccess)
        {
            return user.Error!;
        }
        return await IssueAsync(user.Value!.Id, command.Name ?? "API token", command.ExpiresInDays ?? DefaultDays, canWrite, ct);
    }

    /// <summary>Issues a token for an already signed-in user (the profile page).</summary>
    public async Task<IssuedToken> IssueAsync(Guid userId, string name, int days, bool canWrite, CancellationToken ct)
    {
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..12],
            Hash = Hash(secret),
            CanWrite = canWrite,
            CreatedAt = now,
            ExpiresAt = now.AddDays(Math.Clamp(days, 1, MaxDays)),
        };
        db.Set<ApiToken>().Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(token.Id, secret, token.ExpiresAt, token.Scopes);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(Guid userId, CancellationToken ct)
    {
        var tokens = await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).Take(PageLimit).ToListAsync(ct);
        return tokens.Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToList();
    }

    public async Task<Result<bool>> RevokeAsync(Guid userId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null)
        {
            return Error.NotFound("The token");
        }
        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Finds the active token for a presented secret; null when unknown, expired or revoked.</summary>
    public async Task<ApiToken?> ResolveAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = Hash(secret);
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Hash == hash, ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (token is null || !token.IsActiveAt(now))
        {
            return null;
        }
        // Record use at most once a minute: a write per API call would make every read a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return token;
    }

    /// <summary>A user has at most this many tokens listed; older ones stay valid until they expire.</summary>
    private const int PageLimit = 200;

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

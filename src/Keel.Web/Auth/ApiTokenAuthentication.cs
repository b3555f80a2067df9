using System.Security.Claims;
using System.Text.Encodings.Web;
using Keel.Application.Data;
using Keel.Application.Platform.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Web.Auth;

/// <summary>Authenticates <c>Authorization: Bearer keel_…</c> against the hashed personal tokens.</summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, KeelDb db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = await tokens.ResolveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId && u.IsActive, Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("The token's account is disabled.");
        }
        var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName!),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(token.Scopes.Select(s => new Claim(ScopeClaim, s)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

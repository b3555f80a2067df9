using System.Security.Claims;
using Keel.Application.Platform.Accounts;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Web.Api.Platform;

public sealed record CreateTokenRequest(string? UserName, string? Password, string? Name, int? ExpiresInDays, IReadOnlyList<string>? Scopes);

public sealed record TokenResponse(Guid Id, string Token, DateTime ExpiresAt, IReadOnlyList<string> Scopes);

public sealed record PasswordResetRequest(string? Login);

public sealed record PasswordResetConfirmation(string? Token, string? Password);

/// <summary>The one answer to a reset request, whether or not an account matched.</summary>
public sealed record PasswordResetAccepted(string Message);

public static class AuthApi
{
    public const string TokenRateLimit = "tokens";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Platform");
        group.MapPost("/tokens", CreateToken).AllowAnonymous().RequireRateLimiting(TokenRateLimit)
            .WithName("CreateToken").WithSummary("Exchange a user name and password for a personal API token.");
        group.MapGet("/tokens", ListTokens).RequireAuthorization(Policies.SignedIn)
            .WithName("ListTokens").WithSummary("The caller's own tokens (never the secrets).");
        group.MapDelete("/tokens/{id:guid}", RevokeToken).RequireAuthorization(Policies.SignedIn)
            .WithName("RevokeToken").WithSummary("Revoke one of the caller's tokens.");
        // Anonymous, so limited per address like token requests; the per-account limit is in the use case.
        group.MapPost("/password-reset", RequestPasswordReset).AllowAnonymous().RequireRateLimiting(TokenRateLimit)
            .WithName("RequestPasswordReset")
            .WithSummary("E-mail a link to choose a new password (valid 1 hour) to the active account with this user name or e-mail address; always 202, whether or not one exists.");
        group.MapPost("/password-reset/confirm", ConfirmPasswordReset).AllowAnonymous().RequireRateLimiting(TokenRateLimit)
            .WithName("ConfirmPasswordReset")
            .WithSummary("Set a new password with the token of a reset or invitation link; 400 invalid_token for a used, expired, replaced or unknown token.");
        return app;
    }

    private static async Task<Results<Accepted<PasswordResetAccepted>, ProblemHttpResult>> RequestPasswordReset(
        PasswordResetRequest request, AccountLinkService links, CancellationToken ct)
    {
        var result = await links.RequestResetAsync(request.Login, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, new PasswordResetAccepted(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ConfirmPasswordReset(
        PasswordResetConfirmation request, AccountLinkService links, CancellationToken ct)
    {
        var result = await links.SetPasswordAsync(request.Token, request.Password, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Created<TokenResponse>, ProblemHttpResult>> CreateToken(
        CreateTokenRequest request, ApiTokenService tokens, CancellationToken ct)
    {
        var result = await tokens.CreateAsync(
            new CreateTokenCommand(request.UserName, request.Password, request.Name, request.ExpiresInDays, request.Scopes), ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Error!);
        }
        var token = result.Value!;
        return TypedResults.Created((string?)null, new TokenResponse(token.Id, token.Token, token.ExpiresAt, token.Scopes));
    }

    private static async Task<Ok<ListResponse<TokenSummary>>> ListTokens(ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(new ListResponse<TokenSummary>(await tokens.ListAsync(user.UserId()!.Value, ct), null));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(Guid id, ClaimsPrincipal user, ApiTokenService tokens, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(user.UserId()!.Value, id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }
}

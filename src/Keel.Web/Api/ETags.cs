using Keel.Domain.Platform;
using Microsoft.Net.Http.Headers;

namespace Keel.Web.Api;

/// <summary>ETags are the record's version: <c>"7"</c>. Updates must send it back in If-Match.</summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version}\"";

    public static void Set(HttpContext context, long version) => context.Response.Headers.ETag = Of(version);

    /// <summary>The version the caller last read, or an error: 428 without If-Match, 412 when it cannot be ours.</summary>
    public static Result<long> Required(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return Error.PreconditionRequired();
        }
        if (EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), out var version))
        {
            return version;
        }
        return Error.Concurrency();
    }

    /// <summary>The optional If-Match of a transition: absent is fine, a malformed one is stale.</summary>
    public static Result<long?> Optional(HttpRequest request) =>
        string.IsNullOrWhiteSpace(request.Headers.IfMatch.ToString())
            ? (long?)null
            : Required(request) is { IsSuccess: true } v ? v.Value : Error.Concurrency();
}

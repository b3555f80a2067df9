using Keel.Domain.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Web.Api.Services;

/// <summary>The small result helpers the services endpoints share.</summary>
internal static class ServiceApiResults
{
    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : ApiResults.Problem(result.Error!);

    public static Results<Ok<T>, ProblemHttpResult> WithETag<T>(HttpContext http, Result<T> result, Func<T, long> version)
    {
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Error!);
        }
        ETags.Set(http, version(result.Value!));
        return TypedResults.Ok(result.Value);
    }

    public static Results<Ok<ListResponse<T>>, ProblemHttpResult> List<T>(Result<Keel.Application.Platform.Paging.Page<T>> result) =>
        result.IsSuccess ? TypedResults.Ok(ListResponse<T>.From(result.Value!)) : ApiResults.Problem(result.Error!);

    public static Results<Ok<ListResponse<T>>, ProblemHttpResult> All<T>(Result<IReadOnlyList<T>> result) =>
        result.IsSuccess ? TypedResults.Ok(new ListResponse<T>(result.Value!, null)) : ApiResults.Problem(result.Error!);

    public static Results<NoContent, ProblemHttpResult> NoContent(Result<bool> result) =>
        result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);

    /// <summary>The optional If-Match of a transition: absent is fine, a malformed one is stale.</summary>
    public static Result<long?> OptionalVersion(HttpRequest request) =>
        string.IsNullOrWhiteSpace(request.Headers.IfMatch.ToString())
            ? (long?)null
            : ETags.Required(request) is { IsSuccess: true } v ? v.Value : Error.Concurrency();
}

using Keel.Domain.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Keel.Web.Api;

/// <summary>The one place where a use case's <see cref="Error"/> becomes an HTTP answer (RFC 9457 ProblemDetails).</summary>
public static class ApiResults
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.IllegalTransition => StatusCodes.Status409Conflict,
        ErrorKind.ConcurrencyConflict => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorKind.Gone => StatusCodes.Status410Gone,
    };

    public static ProblemHttpResult Problem(Error error)
    {
        var status = StatusOf(error.Kind);
        ProblemDetails problem = error.Fields is { Count: > 0 } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(f => f.Key, f => f.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = TitleOf(error.Kind);
        problem.Detail = error.Message;
        problem.Extensions["code"] = error.Code;
        if (error.Allowed is { } allowed)
        {
            problem.Extensions["allowed"] = allowed;
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>200 with the record and its ETag, or the use case's error.</summary>
    public static Results<Ok<T>, ProblemHttpResult> WithETag<T>(HttpContext http, Result<T> result, Func<T, long> version)
    {
        if (!result.IsSuccess)
        {
            return Problem(result.Error!);
        }
        ETags.Set(http, version(result.Value!));
        return TypedResults.Ok(result.Value!);
    }

    /// <summary>200 with the value, or the use case's error.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Ok<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : Problem(result.Error!);

    /// <summary>A page of a list as { items, nextCursor }, or the use case's error.</summary>
    public static Results<Ok<ListResponse<T>>, ProblemHttpResult> List<T>(Result<Keel.Application.Platform.Paging.Page<T>> result) =>
        result.IsSuccess ? TypedResults.Ok(ListResponse<T>.From(result.Value!)) : Problem(result.Error!);

    /// <summary>A short, bounded sub-collection returned whole ({ items, nextCursor: null }).</summary>
    public static Results<Ok<ListResponse<T>>, ProblemHttpResult> All<T>(Result<IReadOnlyList<T>> result) =>
        result.IsSuccess ? TypedResults.Ok(new ListResponse<T>(result.Value!, null)) : Problem(result.Error!);

    /// <summary>201 with the new record and its Location, or the use case's error.</summary>
    public static Results<Created<T>, ProblemHttpResult> Created<T>(Result<T> result, Func<T, string> location) =>
        result.IsSuccess ? TypedResults.Created(location(result.Value!), result.Value) : Problem(result.Error!);

    public static Results<NoContent, ProblemHttpResult> NoContent(Result<bool> result) =>
        result.IsSuccess ? TypedResults.NoContent() : Problem(result.Error!);

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is not valid.",
        ErrorKind.Unauthorized => "Authentication failed.",
        ErrorKind.Forbidden => "You may not do this.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "Conflict.",
        ErrorKind.IllegalTransition => "Illegal transition.",
        ErrorKind.ConcurrencyConflict => "The record has changed.",
        ErrorKind.PreconditionRequired => "If-Match required.",
        ErrorKind.Gone => "No longer available.",
    };
}

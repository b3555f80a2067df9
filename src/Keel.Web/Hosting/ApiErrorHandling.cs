using Keel.Domain.Platform;
using Keel.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Keel.Web.Hosting;

/// <summary>
/// Turns framework failures into the API's ProblemDetails with a stable code: malformed JSON and
/// unreadable parameters (400), oversize bodies (413); anything else is a 500 without internals.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "payload_too_large", "The request body is larger than allowed."),
            BadHttpRequestException bad => (bad.StatusCode, "malformed_request", Describe(bad)),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException =>
                (412, "concurrency_conflict", Error.Concurrency().Message),
            _ => (500, "internal_error", "Something went wrong on our side. It has been logged."),
        };
        if (status == 500)
        {
            // Since .NET 10 the middleware no longer logs an exception a handler has handled, so the promise above is kept here.
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    /// <summary>Names the broken part without echoing user input back (no reflection of script fragments).</summary>
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException
            ? "The body is not valid JSON, or a field has the wrong type."
            : "The request could not be read: check the body and the query parameters.";
}

internal static class ProblemCodes
{
    /// <summary>Gives every ProblemDetails a stable code, also those written by the framework (401, 403, 404, 405, 429).</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = problem.Status switch
            {
                400 => "validation_failed",
                401 => "unauthorized",
                403 => "forbidden",
                404 => "not_found",
                405 => "method_not_allowed",
                409 => "conflict",
                412 => "concurrency_conflict",
                413 => "payload_too_large",
                415 => "unsupported_media_type",
                428 => "precondition_required",
                429 => "too_many_requests",
                _ => "error",
            };
        }
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    /// <summary>API paths answer empty error statuses (unknown route, 401, 403, 405) with ProblemDetails.</summary>
    public static async Task WriteForApiAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return; // pages: the re-execute handler outside this one shows the not-found page
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var status = http.Response.StatusCode;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Detail = status switch
                {
                    401 => "Sign in or send a valid, unexpired API token (Authorization: Bearer …).",
                    403 => "Your role may not use this endpoint.",
                    404 => "There is no such resource.",
                    405 => "This resource does not accept that method.",
                    _ => null,
                },
            },
        });
    }
}

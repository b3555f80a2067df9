using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Keel.Web.Hosting;

/// <summary>
/// Refuses bodies over <c>Keel:Limits:MaxRequestBodyBytes</c> before anything reads them: a declared length is
/// answered at once with 413; a streamed body is cut off by the server's own limit, set here per request.
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next, IConfiguration configuration)
{
    public const long DefaultBytes = 10 * 1024 * 1024;
    private readonly long _limit = configuration.GetValue<long?>("Keel:Limits:MaxRequestBodyBytes") ?? DefaultBytes;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentLength > _limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Detail = $"The request body is larger than the {_limit} bytes allowed.",
                    Extensions = { ["code"] = "payload_too_large" },
                },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = _limit;
        }
        await next(context);
    }
}

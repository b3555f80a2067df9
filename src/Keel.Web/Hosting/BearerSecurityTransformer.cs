using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Keel.Web.Hosting;

/// <summary>Tells the API docs that calls carry <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token from POST /api/v1/auth/tokens.",
        };
        document.Info.Title = "Keel API";
        document.Info.Description = "IT service management on ITIL 4. Errors are RFC 9457 ProblemDetails with a stable `code`.";
        return Task.CompletedTask;
    }
}

using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Keel.Application.Balance;
using Keel.Application.Changes;
using Keel.Application.Data;
using Keel.Application.Experience;
using Keel.Application.Knowledge;
using Keel.Application.Platform;
using Keel.Application.Platform.Accounts;
using Keel.Application.Platform.Jobs;
using Keel.Application.Problems;
using Keel.Application.ServiceLevels;
using Keel.Application.Services;
using Keel.Application.Value;
using Keel.Application.Work;
using Keel.Web.Api.Platform;
using Keel.Web.Auth;
using Keel.Web.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using OpenTelemetry.Metrics;

namespace Keel.Web.Hosting;

/// <summary>Everything Keel's host registers, in one readable list; each area adds its own line.</summary>
public static class KeelWebSetup
{
    public static WebApplicationBuilder AddKeel(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Package static files (MudBlazor, Blazor) are served from the build output too, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole();
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSecretRedaction();
        services.AddKeelDb(configuration);
        services.AddPlatformUseCases();
        services.AddServicesUseCases();
        services.AddWorkUseCases();
        services.AddChangeUseCases();
        services.AddKnowledgeUseCases();
        services.AddServiceLevelUseCases();
        services.AddProblemUseCases();
        services.AddChangeCalendarUseCases();
        services.AddValueUseCases();
        services.AddExperienceUseCases();
        services.AddBalanceUseCases();
        services.AddSingleton<Readiness>();
        services.AddHostedService<StartupTasks>();
        services.AddKeelJobs(configuration);

        AddAccounts(services);
        AddApi(services);
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(m => m.AddAspNetCoreInstrumentation().AddPrometheusExporter());
        services.AddDataProtection().SetApplicationName("Keel").PersistKeysToDbContext<KeelDb>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        return builder;
    }

    private static void AddAccounts(IServiceCollection services)
    {
        services.AddIdentityCore<KeelUser>(SignInPolicy.Apply)
            .AddRoles<KeelRole>()
            .AddEntityFrameworkStores<KeelDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Keel";
                o.DefaultChallengeScheme = "Keel";
            })
            .AddPolicyScheme("Keel", "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/denied";
                o.Cookie.Name = "keel.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;
                // The API answers 401/403 with ProblemDetails; only pages redirect to the login page.
                o.Events.OnRedirectToLogin = c => ApiOr(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiOr(c, StatusCodes.Status403Forbidden);
            });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        Policies.Configure(services.AddAuthorizationBuilder());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddApi(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // Unreadable bodies and parameters become exceptions in every environment, answered by ApiExceptionHandler.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Scripts log in often: at least 60 token requests a minute from one address are allowed.
            o.AddPolicy(AuthApi.TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) }));
        });
    }
}

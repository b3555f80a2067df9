using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Keel.Application.Services;

public static class ServicesSetup
{
    /// <summary>The services area: portfolio, catalogue, CMDB and impact analysis (one impact graph per node).</summary>
    public static IServiceCollection AddServicesUseCases(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new OrganizationCurrency(
            sp.GetService<IConfiguration>()?["Keel:Currency"] is { Length: 3 } code ? code.ToUpperInvariant() : OrganizationCurrency.Default.Code));
        services.TryAddSingleton<ImpactGraphCache>();
        return services
            .AddScoped<PortfolioService>()
            .AddScoped<ServicePartsService>()
            .AddScoped<CostPoolService>()
            .AddScoped<CatalogService>()
            .AddScoped<ConfigurationItemService>()
            .AddScoped<CiRelationshipService>()
            .AddScoped<CiImportService>()
            .AddScoped<ImpactService>()
            .AddScoped<ServiceMapService>();
    }
}

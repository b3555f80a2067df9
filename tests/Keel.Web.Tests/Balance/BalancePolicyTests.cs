using System.Reflection;
using System.Security.Claims;
using Keel.Domain.Platform;
using Keel.Web.Auth;
using Keel.Web.Components.Pages.Balance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Balance;

/// <summary>The balance pages let in the balance readers; the targets editor only the IT leader and admins.</summary>
public sealed class BalancePolicyTests
{
    [Fact]
    public void Pages_CarryTheBalancePolicies()
    {
        typeof(BalanceHome).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Balance);
        typeof(BalanceWork).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Balance);
        typeof(BalanceTargets).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.BalanceSettings);
    }

    [Theory]
    [InlineData(Roles.ItLeader, true, true)]
    [InlineData(Roles.Admin, true, true)]
    [InlineData(Roles.Executive, true, false)]
    [InlineData(Roles.TeamLead, true, false)]
    [InlineData(Roles.Agent, false, false)]
    [InlineData(Roles.Requester, false, false)]
    public async Task Policies_ReadersAndEditors(string role, bool reads, bool edits)
    {
        (await AllowsAsync(Policies.Balance, role)).ShouldBe(reads);
        (await AllowsAsync(Policies.BalanceSettings, role)).ShouldBe(edits);
    }

    private static async Task<bool> AllowsAsync(string policy, string role)
    {
        var services = new ServiceCollection().AddLogging();
        Policies.Configure(services.AddAuthorizationBuilder());
        await using var provider = services.BuildServiceProvider();
        var person = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "Test"));
        return (await provider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(person, policy)).Succeeded;
    }
}

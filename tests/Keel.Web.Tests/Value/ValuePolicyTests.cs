using System.Security.Claims;
using Keel.Domain.Platform;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Value;

/// <summary>The pages of experience and value let in exactly the roles the issue names.</summary>
public sealed class ValuePolicyTests
{
    [Theory]
    [InlineData(Roles.ItLeader, true)]
    [InlineData(Roles.Executive, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.ServiceOwner, false)]
    [InlineData(Roles.Agent, false)]
    [InlineData(Roles.Requester, false)]
    public async Task Cockpit_LeadersExecutivesAndAdminsOnly(string role, bool allowed)
    {
        (await AllowsAsync(Policies.Cockpit, role)).ShouldBe(allowed);
    }

    [Theory]
    [InlineData(Roles.ItLeader, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Executive, false)]
    [InlineData(Roles.ServiceOwner, false)]
    [InlineData(Roles.Agent, false)]
    [InlineData(Roles.Requester, false)]
    public async Task ValueSettings_TheItLeaderAndAdminsOnly(string role, bool allowed)
    {
        (await AllowsAsync(Policies.ValueSettings, role)).ShouldBe(allowed);
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

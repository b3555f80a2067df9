using Bunit;
using Keel.Domain.Platform;
using Keel.Web.Components.Pages.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Components;

public sealed class HomeRedirectTests : ComponentTest
{
    [Theory]
    [InlineData(new[] { Roles.Requester }, "/portal")]
    [InlineData(new[] { Roles.Agent }, "/work")]
    [InlineData(new[] { Roles.TeamLead, Roles.Agent }, "/work")]
    [InlineData(new[] { Roles.ProblemManager }, "/problems")]
    [InlineData(new[] { Roles.ChangeManager }, "/changes")]
    [InlineData(new[] { Roles.CabMember }, "/changes")]
    [InlineData(new[] { Roles.ServiceOwner }, "/services")]
    [InlineData(new[] { Roles.ItLeader }, "/cockpit")]
    [InlineData(new[] { Roles.Executive }, "/reports")]
    [InlineData(new[] { Roles.Admin, Roles.Agent }, "/admin")]
    [InlineData(new string[0], "/portal")]
    public void Home_SignedIn_RedirectsToTheLandingPageOfTheirRoles(string[] roles, string expected)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(roles);

        Render<Home>();

        var uri = new Uri(Services.GetRequiredService<NavigationManager>().Uri);
        uri.AbsolutePath.ShouldBe(expected);
        uri.AbsolutePath.ShouldBe(Landing.For(roles));
    }
}

using System.Reflection;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Keel.Web.Tests.Components;

public sealed class PageAuthorizationTests
{
    private static readonly IReadOnlyList<Type> Pages = typeof(Policies).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes<RouteAttribute>().Any()).ToList();

    private static string RouteOf(Type page) => page.GetCustomAttributes<RouteAttribute>().First().Template;

    [Fact]
    public void Pages_Every_NamesAPolicyOrIsExplicitlyAnonymous()
    {
        Pages.ShouldNotBeEmpty();
        foreach (var page in Pages)
        {
            var policy = page.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
            var anonymous = page.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            (policy is not null || anonymous).ShouldBeTrue($"{RouteOf(page)} has neither [Authorize(Policy = …)] nor [AllowAnonymous]");
        }
    }

    [Fact]
    public void Pages_Anonymous_OnlyTheAccountAndErrorPages()
    {
        Pages.Where(p => p.GetCustomAttribute<AllowAnonymousAttribute>() is not null).Select(RouteOf)
            .ShouldBe(["/login", "/logout", "/denied", "/not-found", "/account/forgot-password", "/account/reset-password", "/surveys/{Token}"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("/portal", Policies.Portal)]
    [InlineData("/work", Policies.Work)]
    [InlineData("/problems", Policies.Problems)]
    [InlineData("/changes", Policies.Changes)]
    [InlineData("/services", Policies.Services)]
    [InlineData("/cockpit", Policies.Cockpit)]
    [InlineData("/cockpit/settings", Policies.ValueSettings)]
    [InlineData("/reports", Policies.Reports)]
    [InlineData("/admin", Policies.Admin)]
    [InlineData("/admin/people", Policies.Admin)]
    [InlineData("/admin/teams", Policies.Admin)]
    [InlineData("/admin/business-units", Policies.Admin)]
    [InlineData("/admin/audit", Policies.Admin)]
    [InlineData("/profile", Policies.SignedIn)]
    public void Pages_AreaHome_RequiresItsAreaPolicy(string route, string policy)
    {
        var page = Pages.Single(p => RouteOf(p) == route);
        page.GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(policy);
    }

    [Fact]
    public void Pages_AdminEditors_AllRequireAdmin()
    {
        foreach (var page in Pages.Where(p => RouteOf(p).StartsWith("/admin", StringComparison.Ordinal)))
        {
            page.GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Admin, RouteOf(page));
        }
    }
}

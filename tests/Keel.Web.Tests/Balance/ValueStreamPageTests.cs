using System.Reflection;
using System.Security.Claims;
using Bunit;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Web.Auth;
using Keel.Web.Components.Pages.Balance;
using Keel.Web.Tests.Components;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Balance;

public sealed class ValueStreamPageTests : ComponentTest
{
    [Theory]
    [InlineData("/value-streams", Policies.Improvement)]
    [InlineData("/value-streams/{Id:guid}", Policies.Improvement)]
    [InlineData("/value-streams/new", Policies.BalanceSettings)]
    [InlineData("/value-streams/{Id:guid}/edit", Policies.BalanceSettings)]
    public void Pages_ValueStreams_RequireTheirPolicy(string route, string policy)
    {
        var page = typeof(Policies).Assembly.GetTypes().Single(t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == route));
        page.GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(policy);
    }

    [Theory]
    [InlineData(Roles.Agent, true, false)]
    [InlineData(Roles.TeamLead, true, false)]
    [InlineData(Roles.Executive, true, false)]
    [InlineData(Roles.ItLeader, true, true)]
    [InlineData(Roles.Admin, true, true)]
    [InlineData(Roles.Requester, false, false)]
    public async Task Policies_ReadersAndEditors_AsTheBriefSays(string role, bool reads, bool edits)
    {
        (await AllowsAsync(Policies.Improvement, role)).ShouldBe(reads);
        (await AllowsAsync(Policies.BalanceSettings, role)).ShouldBe(edits);
    }

    [Fact]
    public void Diagram_ThreeSteps_BoxPerStepWithTimesAndWaitsColouredByActivity()
    {
        var figures = new FlowFigures(DateTime.UtcNow.AddDays(-30), DateTime.UtcNow, 12, 50, 90, 10, 0.2, 2.8, 4, 3.5, 1,
        [
            new StepFigures("Approve", ValueChainActivity.Engage, 12, 0, 5, null),
            new StepFigures("Prepare", ValueChainActivity.Engage, 10, 2, 0.5, 3),
            new StepFigures("Fulfil", ValueChainActivity.DeliverAndSupport, 12, 0, 30, 72),
        ]);

        var diagram = Render<ValueStreamDiagram>(p => p.Add(d => d.Figures, figures));

        diagram.FindAll("[data-testid=stream-step]").Count.ShouldBe(3);
        diagram.FindAll("[data-testid=step-time]").Select(t => t.TextContent).ShouldBe(["5 h", "30 min", "30 h"]);
        diagram.FindAll("[data-testid=stream-wait] text").Select(t => t.TextContent).ShouldBe(["3 h", "wait", "3 d", "wait"]);
        diagram.FindAll("rect").Select(r => r.GetAttribute("fill")).ShouldBe(
            [FlowText.Colour(ValueChainActivity.Engage), FlowText.Colour(ValueChainActivity.Engage), FlowText.Colour(ValueChainActivity.DeliverAndSupport)]);
        diagram.Find("[data-testid=stream-lead]").TextContent.ShouldContain("2.1 d");
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

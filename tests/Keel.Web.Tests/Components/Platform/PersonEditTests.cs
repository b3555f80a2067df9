using AngleSharp.Dom;
using Bunit;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Components.Pages.Admin;
using Microsoft.EntityFrameworkCore;

namespace Keel.Web.Tests.Components.Platform;

/// <summary>The person page on the real use cases: sending an invitation leaves the form alone and shows up in the history.</summary>
public sealed class PersonEditTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    private static IElement Button(IRenderedComponent<PersonEdit> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static IElement Input(IRenderedComponent<PersonEdit> page, string label) =>
        page.Find($"#{page.FindAll("label").First(l => l.TextContent.StartsWith(label, StringComparison.Ordinal)).GetAttribute("for")}");

    [Fact]
    public async Task PersonPage_InvitationSentWithUnsavedEdits_EditsStayAndHistoryShowsTheInvitation()
    {
        var database = await SignInAsync(DemoAccounts.Admin);
        Guid id;
        string email;
        await using (var db = database.NewDbContext())
        {
            var person = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.Requester, Ct);
            (id, email) = (person.Id, person.Email!);
        }
        var page = Render<PersonEdit>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("[data-testid=invitation]").TextContent.ShouldContain("No invitation was sent"), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => page.Markup.ShouldContain("History"));

        Input(page, "Display name").Change("Renamed But Not Saved");
        Button(page, "Send invitation").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=invitation]").TextContent.ShouldContain("the link works until"), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => page.Markup.ShouldContain($"sent to {email}"), TimeSpan.FromSeconds(10));
        Input(page, "Display name").GetAttribute("value").ShouldBe("Renamed But Not Saved");
        Button(page, "Send a new invitation").ShouldNotBeNull();
    }
}

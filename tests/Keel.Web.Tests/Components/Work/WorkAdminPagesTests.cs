using AngleSharp.Dom;
using Bunit;
using Keel.Application.Demo;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Web.Components.Pages.Admin;

namespace Keel.Web.Tests.Components.Work;

/// <summary>The work settings page on the real use cases: a save over someone else's change is refused with a Reload.</summary>
public sealed class WorkAdminPagesTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    private static IElement Button(IRenderedComponent<WorkSettingsEdit> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static IElement Input(IRenderedComponent<WorkSettingsEdit> page, string label) =>
        page.Find($"#{page.FindAll("label").First(l => l.TextContent.StartsWith(label, StringComparison.Ordinal)).GetAttribute("for")}");

    [Fact]
    public async Task WorkSettingsPage_SavedOverAnotherAdminsChange_ConflictThenReloadShowsTheirValue()
    {
        var database = await SignInAsync(DemoAccounts.Admin);
        var page = Render<WorkSettingsEdit>();
        page.WaitForAssertion(() => Input(page, "Reopen window").GetAttribute("value").ShouldBe("7"), TimeSpan.FromSeconds(10));
        await using (var db = database.NewDbContext(TestUser.Admin))
        {
            var other = new WorkSettingsService(db, TestUser.Admin);
            var version = (await other.GetAsync(Ct)).Value!.Version;
            (await other.UpdateAsync(version, new WorkSettingsPatch(default, new Optional<double?>(true, 10), default, default), Ct)).IsSuccess.ShouldBeTrue();
        }

        Input(page, "Reopen window").Change("14");
        Button(page, "Save settings").Click();
        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("Someone else changed this record"));
        Button(page, "Reload").Click();

        page.WaitForAssertion(() => Input(page, "Reopen window").GetAttribute("value").ShouldBe("10"));
        page.FindAll("[role=alert]").ShouldBeEmpty();
        Button(page, "Save settings").HasAttribute("disabled").ShouldBeTrue();
    }
}

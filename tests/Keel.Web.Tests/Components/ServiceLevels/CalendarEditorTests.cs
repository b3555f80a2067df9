using AngleSharp.Dom;
using Bunit;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.ServiceLevels;
using Keel.Web.Components.Pages.ServiceLevels;
using Microsoft.EntityFrameworkCore;

namespace Keel.Web.Tests.Components.ServiceLevels;

/// <summary>The calendar editor on the real use cases: refused hours show beside their day, and the preview counts the unsaved hours.</summary>
public sealed class CalendarEditorTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    /// <summary>The tiny seed's London office and 24×7 calendars.</summary>
    private const int SeededCalendars = 2;

    private static IElement Button(IRenderedComponent<CalendarEdit> page, string text) =>
        page.FindAll("button").First(b => b.TextContent.Trim() == text || b.GetAttribute("aria-label") == text);

    private static IElement Input(IRenderedComponent<CalendarEdit> page, string label) =>
        page.Find($"#{page.FindAll("label").First(l => l.TextContent.StartsWith(label, StringComparison.Ordinal)).GetAttribute("for")}");

    private static IElement Box(IRenderedComponent<CalendarEdit> page, string ariaLabel) => page.Find($"input[aria-label='{ariaLabel}']");

    private async Task<IRenderedComponent<CalendarEdit>> OpenNewAsync()
    {
        await SignInAsync(DemoAccounts.Admin);
        var page = Render<CalendarEdit>();
        page.WaitForAssertion(() => Box(page, "Monday interval 1 from").GetAttribute("value").ShouldBe("09:00"), TimeSpan.FromSeconds(10));
        return page;
    }

    [Fact]
    public async Task CalendarEditor_OverlappingMondayIntervals_ErrorBesideMondayAndNothingSaved()
    {
        var page = await OpenNewAsync();
        Input(page, "Name").Change("Desk hours");
        Button(page, "Add an interval on Monday").Click();
        Box(page, "Monday interval 2 from").Change("16:00");
        Box(page, "Monday interval 2 to").Change("18:00");

        Button(page, "Create calendar").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=error-week-monday]").TextContent.ShouldContain("overlapping intervals"));
        page.FindAll("[data-testid=error-week-tuesday]").ShouldBeEmpty();
        await using var db = Database.NewDbContext();
        (await db.Set<BusinessCalendar>().AnyAsync(c => c.Name == "Desk hours", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task CalendarEditor_NoNameAndAnUnreadableInterval_EachErrorBesideItsField()
    {
        var page = await OpenNewAsync();
        Box(page, "Wednesday interval 1 to").Change("5pm");
        page.Find("[data-testid=holidays] button").Click();

        Button(page, "Create calendar").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=error-week-wednesday]").TextContent.ShouldContain("'09:00-5pm' is not an interval like 09:00-12:30."));
        page.Markup.ShouldContain("Name is required.");
        page.Find("[data-testid=error-holidays]").TextContent.ShouldContain("each needs a date");
        page.FindAll("[data-testid=error-week-monday]").ShouldBeEmpty();
    }

    [Fact]
    public async Task CalendarEditor_Preview_FollowsTheTargetAndTheUnsavedHours()
    {
        var page = await OpenNewAsync();
        var preview = () => page.Find("[data-testid=due-preview]");
        // Monday 2 March 2026, 16:00 in the viewer's zone (UTC here, as is the new calendar): one working hour left that day.
        preview().QuerySelector("input[type=datetime-local]")!.Input("2026-03-02T16:00");
        page.WaitForAssertion(() => page.Find("[data-testid=due-local]").TextContent.ShouldBe("Tue 3 Mar 2026, 12:00 UTC"));

        Input(page, "With a target of").Change("2");
        page.WaitForAssertion(() => page.Find("[data-testid=due-local]").TextContent.ShouldBe("Tue 3 Mar 2026, 10:00 UTC"));

        Box(page, "Monday interval 1 to").Change("18:00");
        page.WaitForAssertion(() => page.Find("[data-testid=due-local]").TextContent.ShouldBe("Mon 2 Mar 2026, 18:00 UTC"));
        await using var db = Database.NewDbContext();
        (await db.Set<BusinessCalendar>().CountAsync(Ct)).ShouldBe(SeededCalendars); // the preview saves nothing
    }
}

using System.Net;
using Bunit;
using Keel.Application.Changes;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Changes;
using Keel.Web.Components.Pages.Changes;
using Keel.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Keel.Web.Tests.Components.Changes;

/// <summary>The change calendar's windows in the UI: change managers and admins keep them, agents read them.</summary>
public sealed class ChangeWindowPagesTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    private readonly DatabaseFixture _databases = databases;

    [Theory]
    [InlineData(DemoAccounts.Agent, false)]
    [InlineData(DemoAccounts.Cab, false)]
    [InlineData(DemoAccounts.ChangeManager, true)]
    [InlineData(DemoAccounts.Admin, true)]
    public async Task NewWindowPage_OverHttp_OnlyChangeManagersAndAdminsGetTheForm(string userName, bool allowed)
    {
        await using var app = await KeelApp.StartAsync(_databases);
        using var client = await app.ClientForAsync(userName);

        var response = await client.GetAsync("/changes/windows/new", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        (response.StatusCode == HttpStatusCode.OK).ShouldBe(allowed, $"{userName}: {response.StatusCode}");
        html.Contains("Create window", StringComparison.Ordinal).ShouldBe(allowed);
    }

    [Fact]
    public async Task WindowsPanel_Agent_ListsWindowsWithoutNewWindow()
    {
        await SignInAsync(DemoAccounts.Agent);
        Services.AddChangeCalendarUseCases();
        await AddFreezeAsync("Test quarter close");

        var panel = Render<WindowsPanel>();

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("Test quarter close"), TimeSpan.FromSeconds(10));
        panel.Markup.ShouldContain("All services");
        panel.FindAll("a[href='/changes/windows/new']").ShouldBeEmpty();
    }

    [Fact]
    public async Task WindowsPanel_ChangeManager_OffersNewWindow()
    {
        await SignInAsync(DemoAccounts.ChangeManager);
        Services.AddChangeCalendarUseCases();
        await AddFreezeAsync("Test quarter close");

        var panel = Render<WindowsPanel>();

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("Test quarter close"), TimeSpan.FromSeconds(10));
        panel.Find("a[href='/changes/windows/new']").TextContent.ShouldContain("New window");
    }

    [Fact]
    public async Task WindowPage_Agent_ReadsTheWindowWithoutAForm()
    {
        await SignInAsync(DemoAccounts.Agent);
        Services.AddChangeCalendarUseCases();
        var id = await AddFreezeAsync("Test quarter close");

        var page = Render<WindowEdit>(p => p.Add(e => e.Id, id));

        page.WaitForAssertion(() => page.Markup.ShouldContain("Finance closes the books."), TimeSpan.FromSeconds(10));
        page.Markup.ShouldContain("1 Mar 2030, 00:00 UTC – 3 Mar 2030, 00:00 UTC");
        page.FindAll("input").ShouldBeEmpty();
        page.FindAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Save window");
        page.FindAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Delete window");
    }

    [Fact]
    public async Task WindowPage_ChangeManagerSavesAStaleWindow_SeesTheConflictAndReloadShowsTheOtherChange()
    {
        await SignInAsync(DemoAccounts.ChangeManager);
        Services.AddChangeCalendarUseCases();
        var id = await AddFreezeAsync("Test quarter close");
        var page = Render<WindowEdit>(p => p.Add(e => e.Id, id));
        page.WaitForAssertion(() => page.FindAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Save window"), TimeSpan.FromSeconds(10));

        // Someone else renames the window after this page read it.
        await using (var db = Database.NewDbContext())
        {
            var window = db.Set<ChangeWindow>().Single(w => w.Id == id);
            window.Name = "Test quarter close (extended)";
            await db.SaveChangesAsync(Ct);
        }
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save window").Click();

        page.WaitForAssertion(() => page.Markup.ShouldContain("Someone else changed this record"), TimeSpan.FromSeconds(10));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Reload").Click();
        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldContain("Test quarter close (extended)"), TimeSpan.FromSeconds(10));
        page.Markup.ShouldNotContain("Someone else changed this record");
    }

    [Fact]
    public async Task NewWindowPage_ChangeManagerSavesAnEmptyMaintenanceWindow_SeesEachProblemAtItsField()
    {
        await SignInAsync(DemoAccounts.ChangeManager);
        Services.AddChangeCalendarUseCases();
        var page = Render<WindowNew>();
        await using var db = Database.NewDbContext();
        var before = db.Set<ChangeWindow>().Count();
        var kind = page.WaitForComponent<MudRadioGroup<ChangeWindowKind>>(TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(ChangeWindowKind.Maintenance));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create window").Click();

        page.WaitForAssertion(() => page.Markup.ShouldContain("Name is required."), TimeSpan.FromSeconds(10));
        page.Markup.ShouldContain("Configuration items name the CIs and/or services this maintenance window is for.");
        page.Markup.ShouldContain("Start is required");
        page.Markup.ShouldNotContain("Please correct these fields");
        db.Set<ChangeWindow>().Count().ShouldBe(before);
    }

    private async Task<Guid> AddFreezeAsync(string name)
    {
        await using var db = Database.NewDbContext();
        var window = new ChangeWindow
        {
            Kind = ChangeWindowKind.Freeze, Name = name, Reason = "Finance closes the books.",
            StartsAt = new DateTime(2030, 3, 1, 0, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2030, 3, 3, 0, 0, 0, DateTimeKind.Utc),
        };
        db.Add(window);
        await db.SaveChangesAsync(Ct);
        return window.Id;
    }
}

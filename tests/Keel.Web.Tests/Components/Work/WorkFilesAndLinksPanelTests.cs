using Bunit;
using Keel.Application.Demo;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Keel.Web.Components.Pages.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Web.Tests.Components.Work;

public sealed class WorkFilesAndLinksPanelTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    /// <summary>An incident raised by the demo requester, with one attached file, through the real use cases.</summary>
    private async Task<(string Number, Guid FileId)> IncidentWithFileAsync()
    {
        Guid requesterId;
        Guid serviceId;
        await using (var db = Database.NewDbContext())
        {
            requesterId = await db.Users.Where(u => u.UserName == DemoAccounts.Requester).Select(u => u.Id).SingleAsync(Ct);
            serviceId = await ServiceIdAsync("Workplace Services");
        }
        var requester = new TestUser(DemoAccounts.Requester, requesterId, Roles.Requester);
        await using var context = Database.NewDbContext(requester);
        var views = new WorkViews(context, requester, Database.Time);
        var work = new WorkItemService(context, requester, Database.Time, views, new WorkEffects(context));
        var incident = (await new IncidentService(context, requester, Database.Time, views, new WorkRouting(context))
            .CreateAsync(new IncidentDraft("Screen flickers", null, serviceId, null, null, 3, 3, null), Ct)).Value!;
        var file = (await new AttachmentService(context, requester, Database.Time, work)
            .AddAsync(WorkKind.Incident, incident.Number, "screen.png", new MemoryStream([1, 2, 3]), 1024, Ct)).Value!;
        return (incident.Number, file.Id);
    }

    [Fact]
    public async Task FilesPanel_RequesterOfTheItem_SeesTheFileWithItsDownloadLink()
    {
        await SignInAsync(DemoAccounts.Requester);
        var (number, fileId) = await IncidentWithFileAsync();

        var panel = Render<WorkFilesPanel>(p => p.Add(c => c.Kind, WorkKind.Incident).Add(c => c.Number, number));

        panel.WaitForAssertion(() => panel.Find($"a[href='/api/v1/incidents/{number}/attachments/{fileId}']").TextContent.ShouldBe("screen.png"), TimeSpan.FromSeconds(10));
        panel.Markup.ShouldContain("Attach a file");
    }

    [Fact]
    public async Task FilesPanel_AnotherRequester_SeesNoFileButAnError()
    {
        await SignInAsync(DemoAccounts.Requester2);
        var (number, _) = await IncidentWithFileAsync();

        var panel = Render<WorkFilesPanel>(p => p.Add(c => c.Kind, WorkKind.Incident).Add(c => c.Number, number));

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("was not found"), TimeSpan.FromSeconds(10));
        panel.Markup.ShouldNotContain("screen.png");
    }

    [Fact]
    public async Task LinksPanel_AgentOnAnIncident_OffersLinkAndMerge()
    {
        await SignInAsync(DemoAccounts.Agent);
        var (number, _) = await IncidentWithFileAsync();

        var panel = Render<WorkLinksPanel>(p => p.Add(c => c.Kind, WorkKind.Incident).Add(c => c.Number, number));

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("Not linked to other work."), TimeSpan.FromSeconds(10));
        panel.FindAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Merge into this number");
    }
}

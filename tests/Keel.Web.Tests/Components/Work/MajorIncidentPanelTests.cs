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

public sealed class MajorIncidentPanelTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    /// <summary>A major incident raised by the demo requester, declared by the demo agent, with an internal note and one update.</summary>
    private async Task<string> MajorIncidentAsync()
    {
        TestUser requester, agent;
        Guid serviceId;
        await using (var db = Database.NewDbContext())
        {
            var ids = await db.Users.Where(u => u.UserName == DemoAccounts.Requester || u.UserName == DemoAccounts.Agent).ToDictionaryAsync(u => u.UserName!, u => u.Id, Ct);
            requester = new TestUser(DemoAccounts.Requester, ids[DemoAccounts.Requester], Roles.Requester);
            agent = new TestUser(DemoAccounts.Agent, ids[DemoAccounts.Agent], Roles.Agent);
            serviceId = await ServiceIdAsync("Workplace Services");
        }
        async Task<T> AsAsync<T>(TestUser user, Func<WorkItemService, StakeholderService, ConversationService, IncidentService, Task<T>> action)
        {
            await using var context = Database.NewDbContext(user);
            var views = new WorkViews(context, user, Database.Time);
            var work = new WorkItemService(context, user, Database.Time, views, new WorkEffects(context));
            return await action(work, new StakeholderService(context, user, Database.Time, work), new ConversationService(context, user, Database.Time, work),
                new IncidentService(context, user, Database.Time, views, new WorkRouting(context)));
        }
        var raised = (await AsAsync(requester, (_, _, _, i) => i.CreateAsync(new IncidentDraft("Payroll portal down", null, serviceId, null, null, 1, 1, null), Ct))).Value!;
        Database.Time.Advance(TimeSpan.FromMinutes(65));
        await AsAsync(agent, (w, _, _, _) => w.UpdateAsync(WorkKind.Incident, raised.Number, raised.Version, new WorkPatch(IsMajor: new(true, true)), Ct));
        await AsAsync(agent, (_, _, c, _) => c.AddCommentAsync(WorkKind.Incident, raised.Number, new CommentDraft("Suspect the load balancer.", true), Ct));
        await AsAsync(agent, (_, s, _, _) => s.SendUpdateAsync(raised.Number, new StakeholderUpdateDraft("Payroll is **unavailable**; workaround: submit by e-mail.", null), Ct));
        return raised.Number;
    }

    [Fact]
    public async Task TimelinePanel_Requester_SeesPublicMomentsWithTimeSinceStartAndNeverTheInternalNote()
    {
        await SignInAsync(DemoAccounts.Requester);
        var number = await MajorIncidentAsync();

        var panel = Render<IncidentTimelinePanel>(p => p.Add(c => c.Number, number));

        panel.WaitForAssertion(() => panel.FindAll("[data-moment]").Count.ShouldBe(3), TimeSpan.FromSeconds(10));
        panel.FindAll("[data-moment]").Select(m => m.GetAttribute("data-moment")).ShouldBe(["Raised", "DeclaredMajor", "StakeholderUpdate"]);
        panel.FindAll("[data-testid=elapsed]").Select(e => e.TextContent.Trim()).ShouldBe(["T+0 min", "T+1 h 05 min", "T+1 h 05 min"]);
        panel.Find(".keel-update strong").TextContent.ShouldBe("unavailable");
        panel.Markup.ShouldNotContain("load balancer");
    }

    [Fact]
    public async Task StakeholdersPanel_Agent_SuggestionsOfferedAndAddedOnlyWhenChosen()
    {
        await SignInAsync(DemoAccounts.Agent);
        var number = await MajorIncidentAsync();
        string ownerName;
        await using (var db = Database.NewDbContext())
        {
            ownerName = await db.Users.Where(u => u.UserName == DemoAccounts.Owner).Select(u => u.DisplayName).SingleAsync(Ct);
        }

        var panel = Render<StakeholdersPanel>(p => p.Add(c => c.Number, number));
        panel.WaitForAssertion(() => panel.Markup.ShouldContain("Nobody is kept informed yet."), TimeSpan.FromSeconds(10));
        panel.Find("[data-testid=suggestions]").TextContent.ShouldContain($"{ownerName}");
        panel.Find("[data-testid=suggestions]").TextContent.ShouldContain("Owner of Workplace Services");
        panel.Find($"[data-person='{ownerName}'] input").Change(true);
        panel.FindAll("button").Single(b => b.TextContent.Contains("Add selected")).Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=stakeholders]").TextContent.ShouldContain(ownerName), TimeSpan.FromSeconds(10));
        panel.FindAll($"[data-person='{ownerName}']").ShouldBeEmpty();
    }

    [Fact]
    public void Elapsed_MinutesHoursAndDays_ReadAsABridgeCallCounts()
    {
        TimelineText.Elapsed(0).ShouldBe("T+0 min");
        TimelineText.Elapsed(65).ShouldBe("T+1 h 05 min");
        TimelineText.Elapsed(60 * 26).ShouldBe("T+1 d 2 h");
        TimelineText.Elapsed(-3).ShouldBe("T\u22123 min");
    }
}

using System.Reflection;
using Keel.Application.Work;
using Keel.Domain.Work;
using Keel.Web.Auth;
using Keel.Web.Components.Pages.Work;
using Keel.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Keel.Web.Tests.Components.Work;

public sealed class WorkPageRulesTests
{
    private static readonly IReadOnlyList<Type> Pages = typeof(Policies).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes<RouteAttribute>().Any()).ToList();

    [Theory]
    [InlineData("/work", Policies.Work)]
    [InlineData("/work/{Segment}/{Number}", Policies.WorkRecords)]
    [InlineData("/portal/items", Policies.Portal)]
    [InlineData("/portal/items/{Number}", Policies.Portal)]
    [InlineData("/portal/incidents/new", Policies.Portal)]
    [InlineData("/portal/approvals", Policies.Portal)]
    public void Pages_WorkAndPortal_RequireTheirPolicy(string route, string policy)
    {
        var page = Pages.Single(p => p.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == route));
        page.GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(policy);
    }

    [Theory]
    [InlineData(WorkKind.Incident, "INC0000001", "/work/incidents/INC0000001")]
    [InlineData(WorkKind.Change, "CHG0000001", "/work/changes/CHG0000001")]
    [InlineData(WorkKind.Problem, "PRB0000001", "/problems/PRB0000001")]
    public void RecordHref_EachKind_OpensThePageThatShowsIt(WorkKind kind, string number, string href)
    {
        WorkText.RecordHref(kind, number).ShouldBe(href);
        // A problem's record is its own page; the work record page does not open one.
        (WorkText.KindOf(WorkText.Segment(kind)) is not null).ShouldBe(kind != WorkKind.Problem);
    }

    [Fact]
    public void Markdown_ScriptsHandlersAndJavascriptLinks_NeverReachThePage()
    {
        var html = MarkdownRenderer.ToHtml(
            "**Bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) [docs](https://example.com)").Value;

        html.ShouldContain("<strong>Bold</strong>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldContain("href=\"https://example.com\"");
        html.ShouldContain("rel=\"noopener noreferrer nofollow\"");
    }

    [Fact]
    public void Queues_Mine_OpenItemsAssignedToMe()
    {
        var me = Guid.NewGuid();

        var filter = WorkQueues.Filter(new QueueView(WorkKind.Incident, WorkQueue.Mine, Priority: [2]), me, [])!;

        filter.Assignee.ShouldBe([me]);
        filter.State.ShouldBe([WorkState.New, WorkState.InProgress, WorkState.OnHold]);
        filter.Priority.ShouldBe([2]);
        filter.Unassigned.ShouldBeNull();
    }

    [Fact]
    public void Queues_MyTeams_WithoutTeams_Empty_WithTeams_FiltersOnThem()
    {
        var team = Guid.NewGuid();

        WorkQueues.Filter(new QueueView(WorkKind.Request, WorkQueue.MyTeams), Guid.NewGuid(), []).ShouldBeNull();
        WorkQueues.Filter(new QueueView(WorkKind.Request, WorkQueue.MyTeams), Guid.NewGuid(), [team])!.Team.ShouldBe([team]);
    }

    [Fact]
    public void Queues_UnassignedAndWaiting_OpenWithoutAssigneeAndTheWaitingStateOfEachKind()
    {
        var unassigned = WorkQueues.Filter(new QueueView(WorkKind.Task, WorkQueue.Unassigned), Guid.NewGuid(), [])!;
        unassigned.Unassigned.ShouldBe(true);
        unassigned.State.ShouldBe([WorkState.Pending, WorkState.Open, WorkState.InProgress]);

        WorkQueues.Filter(new QueueView(WorkKind.Incident, WorkQueue.Waiting), Guid.NewGuid(), [])!.State.ShouldBe([WorkState.OnHold]);
        WorkQueues.Filter(new QueueView(WorkKind.Request, WorkQueue.Waiting), Guid.NewGuid(), [])!.State.ShouldBe([WorkState.AwaitingApproval]);
        // A state outside the queue leaves it empty rather than showing other work.
        WorkQueues.Filter(new QueueView(WorkKind.Incident, WorkQueue.Waiting, [WorkState.New]), Guid.NewGuid(), []).ShouldBeNull();
    }

    [Fact]
    public void QueueAddress_WrittenThenRead_TheSameViewAndTheSavedViewItCameFrom()
    {
        var service = Guid.NewGuid();
        var view = new QueueView(WorkKind.Incident, WorkQueue.MyTeams, [WorkState.InProgress], [1, 2], [service], "payroll & tax", "priority");
        var savedView = Guid.NewGuid();

        var href = WorkQueues.Href(view, savedView);

        href.ShouldBe($"/work?kind=incident&queue=myteams&state=InProgress&priority=1,2&service={service}&q=payroll%20%26%20tax&sort=priority&view={savedView}");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://keel" + href).Query);
        var problems = new List<QueueViewProblem>();
        QueueViewDocument.FromQuery(name => query.TryGetValue(name, out var v) ? v.ToString() : null, problems).SameAs(view).ShouldBeTrue();
        problems.ShouldBeEmpty();
        WorkQueues.Href(new QueueView()).ShouldBe("/work?kind=incident&queue=mine");
    }

    [Fact]
    public void QueueAddress_EditedByHand_UsablePartsKeptTheRestNamed()
    {
        var problems = new List<QueueViewProblem>();
        var query = new Dictionary<string, string?> { ["kind"] = "task", ["queue"] = "everyone", ["priority"] = "1,7", ["sort"] = "--title" };

        var view = QueueViewDocument.FromQuery(name => query.GetValueOrDefault(name), problems);

        (view.Kind, view.Queue, view.Priorities.Single(), view.Sort).ShouldBe((WorkKind.Task, WorkQueue.Mine, 1, QueueView.DefaultSort));
        problems.Select(p => p.Field).ShouldBe(["queue", "priority", "sort"]);
    }

    [Theory]
    [InlineData(WorkState.Resolved, WorkState.InProgress, "Reopen", true)]
    [InlineData(WorkState.OnHold, WorkState.InProgress, "Resume", false)]
    [InlineData(WorkState.InProgress, WorkState.OnHold, "Put on hold", true)]
    [InlineData(WorkState.New, WorkState.Resolved, "Resolve", true)]
    [InlineData(WorkState.Submitted, WorkState.Cancelled, "Cancel", true)]
    [InlineData(WorkState.Open, WorkState.Done, "Complete", false)]
    public void Moves_LabelAndWhetherTheyAskForMore(WorkState from, WorkState to, string label, bool dialog)
    {
        WorkText.MoveLabel(from, to).ShouldBe(label);
        WorkText.NeedsDialog(from, to).ShouldBe(dialog);
    }
}

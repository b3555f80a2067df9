using Keel.Domain.Platform.Notifications;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.Work;

public sealed class WorkNotificationsTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Requester = Guid.NewGuid();
    private static readonly Guid Agent = Guid.NewGuid();

    private static WorkItem Item(WorkKind kind = WorkKind.Incident) =>
        new() { Kind = kind, Number = "INC0000001", Title = "x", RequesterId = Requester, AssigneeId = Agent, ServiceId = Guid.NewGuid() };

    private static WorkEvent Line(WorkEventType type, Guid? actor, string? field = null, string? to = null, string? detail = null, bool isInternal = false) =>
        new() { Type = type, ActorId = actor, Field = field, To = to, Detail = detail, Internal = isInternal, At = Now };

    [Fact]
    public void InternalNote_NobodyTold() =>
        WorkNotifications.For(Item(), Line(WorkEventType.Commented, Agent, isInternal: true)).ShouldBeEmpty();

    [Fact]
    public void AgentReply_RequesterTold_RequesterReply_AssigneeTold()
    {
        WorkNotifications.For(Item(), Line(WorkEventType.Commented, Agent), "Try again").ShouldHaveSingleItem()
            .ShouldBe(new NotificationIntent(Requester, NotificationEvent.AgentReplied, true, "Try again"));
        WorkNotifications.For(Item(), Line(WorkEventType.Commented, Requester), "Still broken").ShouldHaveSingleItem()
            .ShouldBe(new NotificationIntent(Agent, NotificationEvent.RequesterReplied, false, "Still broken"));
    }

    [Fact]
    public void OwnAssignment_NotTold_OthersTold()
    {
        WorkNotifications.For(Item(), Line(WorkEventType.FieldChanged, Agent, "assignee", Agent.ToString())).ShouldBeEmpty();
        WorkNotifications.For(Item(), Line(WorkEventType.FieldChanged, null, "assignee", Agent.ToString())).ShouldHaveSingleItem().Event.ShouldBe(NotificationEvent.Assigned);
    }

    [Fact]
    public void OnHold_OnlyAwaitingCallerAsksTheRequester()
    {
        WorkNotifications.For(Item(), Line(WorkEventType.StateChanged, Agent, "state", "OnHold", "AwaitingVendor")).ShouldBeEmpty();
        WorkNotifications.For(Item(), Line(WorkEventType.StateChanged, Agent, "state", "OnHold", "AwaitingCaller")).ShouldHaveSingleItem()
            .Event.ShouldBe(NotificationEvent.AwaitingYourReply);
    }

    [Fact]
    public void RequestedFor_ToldInsteadOfWhoRaisedIt()
    {
        var someoneElse = Guid.NewGuid();
        var item = Item(WorkKind.Request);
        item.RequestedForId = someoneElse;
        WorkNotifications.For(item, Line(WorkEventType.StateChanged, Agent, "state", "Fulfilled")).ShouldHaveSingleItem().RecipientId.ShouldBe(someoneElse);
    }

    [Fact]
    public void Task_StateChanges_RequesterNotTold() =>
        WorkNotifications.For(Item(WorkKind.Task), Line(WorkEventType.StateChanged, Agent, "state", "Done")).ShouldBeEmpty();

    [Fact]
    public void Template_TitleWithLineBreak_SubjectStaysOneLine()
    {
        var (subject, _) = NotificationTemplates.Render(NotificationEvent.Assigned, new NotificationModel("INC0000001", "Broken\r\nBcc: evil@example.com", "Anna", null, "http://x"));
        subject.ShouldNotContain("\n");
        subject.ShouldNotContain("\r");
    }
}

using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Work;

public sealed class MergeTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Merge_Duplicate_ConversationCopiedRequesterFollowsDuplicateResolved(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var original = (await world.RaiseAsync(world.Requester, "Mail is down")).Value!.Number;
        var duplicate = (await world.RaiseAsync(world.Requester2, "Cannot send mail")).Value!.Number;
        await world.RunAsync(world.Requester2, u => u.Conversation.AddCommentAsync(WorkKind.Incident, duplicate, new CommentDraft("Since 9 o'clock.", null), Ct));

        var merged = await world.RunAsync(world.Agent, u => u.Merges.MergeAsync(duplicate, new MergeDraft(original.ToLowerInvariant()), Ct));

        merged.IsSuccess.ShouldBeTrue();
        var seenByFollower = await world.RunAsync(world.Requester2, u => u.Work.GetAsync(WorkKind.Incident, original, Ct));
        seenByFollower.Value!.Title.ShouldBe("Mail is down");
        var comments = (await world.RunAsync(world.Requester2, u => u.Conversation.CommentsAsync(WorkKind.Incident, original, new PageRequest(), Ct))).Value!;
        comments.Items.ShouldHaveSingleItem().Body.ShouldBe($"Since 9 o'clock.\n\n_(from {duplicate})_");
        var old = (await world.RunAsync(world.Requester2, u => u.Work.GetAsync(WorkKind.Incident, duplicate, Ct))).Value!;
        (old.State, old.ResolutionCode, old.DuplicateOf!.Number).ShouldBe((WorkState.Resolved, ResolutionCode.Duplicate, original));
        (await world.MoveAsync(world.Requester2, original, new TransitionRequest(WorkState.Cancelled))).Error!.Code.ShouldBe("forbidden");

        await world.RunAsync(world.Agent, u => u.Conversation.AddCommentAsync(WorkKind.Incident, original, new CommentDraft("The mail relay is back.", null), Ct));
        await using var db = database.NewDbContext();
        var told = await db.Set<Keel.Domain.Platform.Notifications.Notification>().Where(n => n.Event == NotificationEvent.AgentReplied).Select(n => n.RecipientId).ToListAsync(Ct);
        told.ShouldBe([world.Requester.UserId!.Value, world.Requester2.UserId!.Value], ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Merge_IntoItselfUnknownOrClosed_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var a = (await world.RaiseAsync(world.Requester, "A")).Value!.Number;
        var b = (await world.RaiseAsync(world.Requester2, "B")).Value!.Number;
        await world.MoveAsync(world.Agent, a, new TransitionRequest(WorkState.Cancelled));

        (await world.RunAsync(world.Agent, u => u.Merges.MergeAsync(b, new MergeDraft(b), Ct))).Error!.Fields!["into"].ShouldBe(["is this incident itself."]);
        (await world.RunAsync(world.Agent, u => u.Merges.MergeAsync(b, new MergeDraft("INC0999999"), Ct))).Error!.Code.ShouldBe("validation_failed");
        (await world.RunAsync(world.Agent, u => u.Merges.MergeAsync(b, new MergeDraft(a), Ct))).Error!.Fields!["into"][0].ShouldStartWith("is cancelled");
        (await world.RunAsync(world.Requester2, u => u.Merges.MergeAsync(b, new MergeDraft(a), Ct))).Error!.Code.ShouldBe("forbidden");
        (await world.RunAsync(world.Agent, u => u.Work.GetAsync(WorkKind.Incident, b, Ct))).Value!.State.ShouldBe(WorkState.New);
    }
}

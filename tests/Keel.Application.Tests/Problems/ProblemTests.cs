using Keel.Application.Data;
using Keel.Application.Problems;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Knowledge;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Problems;

public sealed class ProblemTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Create_FromTwoIncidents_NumberedNewAndLinkedFromEachIncident(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var first = await world.IncidentAsync("Outlook asks for the password");
        var second = await world.IncidentAsync("Outlook password prompt again");

        var problem = (await world.RaiseAsync(world.ProblemManager, "Outlook password prompts", first, second.ToLowerInvariant())).Value!;

        (problem.Number, problem.State, problem.IsKnownError).ShouldBe(("PRB0000001", WorkState.New, false));
        problem.Incidents.Select(i => i.Number).ShouldBe([second, first], ignoreOrder: true);
        problem.AllowedTransitions.ShouldBe([WorkState.Assessed, WorkState.Cancelled]);
        await using var db = database.NewDbContext();
        var links = await db.Set<WorkLink>().Where(l => l.Type == WorkLinkType.CausedBy).ToListAsync(Ct);
        links.Count.ShouldBe(2);
        links.ShouldAllBe(l => l.ToId == problem.Id);
    }

    [Theory, DatabaseData]
    public async Task Create_UnknownIncidentOrByRequester_RefusedAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);

        var invalid = await world.RaiseAsync(world.ProblemManager, "Outlook password prompts", "INC0000099", "REQ0000001");
        var requester = await world.RaiseAsync(world.Work.Requester, "Outlook password prompts");

        invalid.Error!.Fields!["incidents"].ShouldBe(["'REQ0000001' is not an incident number (INC…).", "INC0000099 is not an incident."]);
        requester.Error!.Code.ShouldBe("forbidden");
        await using var db = database.NewDbContext();
        (await db.Set<WorkItem>().CountAsync(w => w.Kind == WorkKind.Problem, Ct)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Transition_KnownErrorAndResolved_NeedWorkaroundThenRootCause(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var number = (await world.RaiseAsync(world.ProblemManager, "Mail sync stalls")).Value!.Number;
        var pm = world.ProblemManager;

        (await world.MoveAsync(pm, number, WorkState.KnownError)).Error!.Allowed.ShouldBe(["Assessed", "Cancelled"]);
        (await world.MoveAsync(pm, number, WorkState.Assessed)).IsSuccess.ShouldBeTrue();
        (await world.MoveAsync(world.Agent, number, WorkState.RootCauseAnalysis)).IsSuccess.ShouldBeTrue();
        (await world.MoveAsync(pm, number, WorkState.KnownError)).Error!.Fields!.Keys.ShouldBe(["workaround"]);
        (await world.RunAsync(pm, u => u.Problems.GetAsync(number, Ct))).Value!.State.ShouldBe(WorkState.RootCauseAnalysis);

        await world.PatchAsync(pm, number, workaround: "Remove and re-add the account.");
        database.Time.Advance(TimeSpan.FromHours(1));
        (await world.MoveAsync(pm, number, WorkState.KnownError)).Value!.State.ShouldBe(WorkState.KnownError);
        (await world.MoveAsync(pm, number, WorkState.Resolved)).Error!.Fields!.Keys.ShouldBe(["rootCause"]);
        await world.PatchAsync(pm, number, rootCause: "The sync token expired after the certificate rollover.");
        (await world.MoveAsync(pm, number, WorkState.Resolved)).IsSuccess.ShouldBeTrue();

        var problem = (await world.RunAsync(pm, u => u.Problems.GetAsync(number, Ct))).Value!;
        (problem.State, problem.KnownErrorAt, problem.RootCause).ShouldBe(
            (WorkState.Resolved, database.Time.GetUtcNow().UtcDateTime, "The sync token expired after the certificate rollover."));
    }

    [Theory, DatabaseData]
    public async Task Update_StaleVersionOrWorkaroundRemovedFromKnownError_Refused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var pm = world.ProblemManager;
        var created = (await world.RaiseAsync(pm, "Mail sync stalls")).Value!;
        await world.PatchAsync(pm, created.Number, workaround: "Restart the client.");

        var stale = await world.RunAsync(pm, u => u.Problems.UpdateAsync(created.Number, created.Version,
            new ProblemPatch(new WorkPatch(), RootCause: "Too late."), Ct));
        stale.Error!.Code.ShouldBe("concurrency_conflict");

        await world.MoveAsync(pm, created.Number, WorkState.Assessed);
        await world.MoveAsync(pm, created.Number, WorkState.RootCauseAnalysis);
        await world.MoveAsync(pm, created.Number, WorkState.KnownError);
        (await world.PatchAsync(pm, created.Number, workaround: " ")).Error!.Fields!.Keys.ShouldBe(["workaround"]);
        var problem = (await world.RunAsync(pm, u => u.Problems.GetAsync(created.Number, Ct))).Value!;
        (problem.Workaround, problem.RootCause).ShouldBe(("Restart the client.", null));
    }

    [Theory, DatabaseData]
    public async Task LinkIncident_ThenUnlink_ListedThenGoneAndTwiceRefused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var incident = await world.IncidentAsync("VPN drops every hour");
        var number = (await world.RaiseAsync(world.Agent, "VPN drops")).Value!.Number;

        (await world.RunAsync(world.Agent, u => u.Problems.LinkIncidentAsync(number, incident, Ct))).Value!.IncidentCount.ShouldBe(1);
        (await world.RunAsync(world.Agent, u => u.Problems.LinkIncidentAsync(number, incident, Ct))).Error!.Fields!.Keys.ShouldBe(["number"]);
        (await world.RunAsync(world.Work.Owner, u => u.Problems.LinkIncidentAsync(number, incident, Ct))).Error!.Code.ShouldBe("forbidden");

        (await world.RunAsync(world.Agent, u => u.Problems.UnlinkIncidentAsync(number, incident, Ct))).Value!.Incidents.ShouldBeEmpty();
        (await world.RunAsync(world.Agent, u => u.Problems.UnlinkIncidentAsync(number, incident, Ct))).Error!.Code.ShouldBe("not_found");
    }

    [Theory, DatabaseData]
    public async Task KnownError_DeclaredOrItsWorkaroundChangedByAnAgent_IsRefusedAndNothingIsPublished(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var pm = world.ProblemManager;
        var number = (await world.RaiseAsync(pm, "Outlook password prompt loops")).Value!.Number;
        await world.PatchAsync(world.Agent, number, workaround: "Clear the stored credentials.");
        await world.MoveAsync(world.Agent, number, WorkState.Assessed);
        await world.MoveAsync(world.Agent, number, WorkState.RootCauseAnalysis);

        (await world.RunAsync(world.Agent, u => u.Problems.GetAsync(number, Ct))).Value!.AllowedTransitions.ShouldNotContain(WorkState.KnownError);
        (await world.RunAsync(pm, u => u.Problems.GetAsync(number, Ct))).Value!.AllowedTransitions.ShouldContain(WorkState.KnownError);
        (await world.MoveAsync(world.Agent, number, WorkState.KnownError)).Error!.Code.ShouldBe("forbidden");
        await using (var db = database.NewDbContext())
        {
            (await db.Set<KnowledgeArticle>().CountAsync(Ct)).ShouldBe(0);
            (await db.Set<WorkItem>().SingleAsync(w => w.Number == number, Ct)).State.ShouldBe(WorkState.RootCauseAnalysis);
        }
        (await world.MoveAsync(pm, number, WorkState.KnownError)).IsSuccess.ShouldBeTrue();
        (await world.PatchAsync(world.Agent, number, workaround: "Reinstall Outlook.")).Error!.Code.ShouldBe("forbidden");
        (await world.PatchAsync(world.Agent, number, rootCause: "A token cache bug.")).IsSuccess.ShouldBeTrue("agents still record what they find");
    }

    [Theory, DatabaseData]
    public async Task KnownError_IsPublishedToTheKnowledgeBase_AndANewWorkaroundIsItsNextVersion(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var pm = world.ProblemManager;
        var number = (await world.RaiseAsync(pm, "Outlook password prompt loops")).Value!.Number;
        await world.PatchAsync(pm, number, workaround: "Clear the stored credentials.");
        await world.MoveAsync(pm, number, WorkState.Assessed);
        await world.MoveAsync(pm, number, WorkState.RootCauseAnalysis);

        (await world.MoveAsync(pm, number, WorkState.KnownError)).IsSuccess.ShouldBeTrue();
        await world.PatchAsync(pm, number, rootCause: "The client caches an expired token.");
        await world.PatchAsync(pm, number, rootCause: "The client caches an expired token.");

        await using var db = database.NewDbContext();
        var problem = await db.Set<WorkItem>().SingleAsync(w => w.Number == number, Ct);
        var article = await db.Set<KnowledgeArticle>().SingleAsync(a => a.KnownErrorId == problem.Id, Ct);
        (article.Title, article.State, article.PublishedNumber, article.AuthorId).ShouldBe(
            ("Known error: Outlook password prompt loops", ArticleState.Published, 2, pm.UserId!.Value));
        var versions = await db.Set<KnowledgeVersion>().Where(v => v.ArticleId == article.Id).OrderBy(v => v.Number).ToListAsync(Ct);
        versions.Count.ShouldBe(2, "the same root cause saved twice is one new version");
        versions[0].Body.ShouldContain("Clear the stored credentials.");
        versions[0].Body.ShouldNotContain("Root cause");
        versions[1].Body.ShouldContain("## Root cause\n\nThe client caches an expired token.");
        (await db.Set<KnowledgeArticleService>().Where(s => s.ArticleId == article.Id).Select(s => s.ServiceId).ToListAsync(Ct)).ShouldBe([problem.ServiceId]);
    }

    [Theory, DatabaseData]
    public async Task KnownErrors_ForAnIncident_OnlyKnownErrorsOfItsServiceBestMatchFirst(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var pm = world.ProblemManager;
        async Task<string> KnownErrorAsync(string title, string workaround)
        {
            var number = (await world.RaiseAsync(pm, title)).Value!.Number;
            await world.PatchAsync(pm, number, workaround: workaround);
            await world.MoveAsync(pm, number, WorkState.Assessed);
            await world.MoveAsync(pm, number, WorkState.RootCauseAnalysis);
            (await world.MoveAsync(pm, number, WorkState.KnownError)).IsSuccess.ShouldBeTrue();
            return number;
        }
        var password = await KnownErrorAsync("Outlook password prompt loops", "Clear the stored credentials.");
        var calendar = await KnownErrorAsync("Outlook calendar invites missing", "Re-share the calendar.");
        await world.RaiseAsync(pm, "Outlook password prompt loops, not yet analysed");
        var incident = await world.IncidentAsync("Outlook keeps asking for my password", description: "The prompt loops.");

        var suggestions = (await world.RunAsync(world.Agent, u => u.KnownErrors.ForIncidentAsync(incident, null, Ct))).Value!;

        suggestions.Select(s => s.Number).ShouldBe([password, calendar]);
        (suggestions[0].Workaround, suggestions[0].SameService, suggestions[0].Linked).ShouldBe(("Clear the stored credentials.", true, false));
        (await world.RunAsync(world.Work.Requester, u => u.KnownErrors.ForIncidentAsync(incident, null, Ct))).Error!.Code.ShouldBe("forbidden");
    }
}

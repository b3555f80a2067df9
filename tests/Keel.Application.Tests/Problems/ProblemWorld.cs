using Keel.Application.Platform;
using Keel.Application.Problems;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Tests.Work;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Problems;

/// <summary>The small service desk of <see cref="WorkWorld"/> with a problem manager and a mail server CI.</summary>
internal sealed class ProblemWorld
{
    public required WorkWorld Work { get; init; }
    public required TestUser ProblemManager { get; init; }
    public required ConfigurationItem MailServer { get; init; }

    public TestDatabase Database => Work.Database;
    public TestUser Agent => Work.Agent;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ProblemWorld> CreateAsync(TestDatabase database)
    {
        var work = await WorkWorld.CreateAsync(database);
        var manager = await PlatformData.AddUserAsync(database, "problemmgr");
        var mail = new ConfigurationItem { Name = "mail-01", Type = "Server", ServiceIds = [work.Service.Id] };
        await using (var db = database.NewDbContext())
        {
            db.Add(mail);
            await db.SaveChangesAsync(Ct);
        }
        return new ProblemWorld { Work = work, ProblemManager = new TestUser("problemmgr", manager.Id, Roles.ProblemManager), MailServer = mail };
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<ProblemUseCases, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        var time = Database.Time;
        var views = new WorkViews(db, user, time);
        var work = new WorkItemService(db, user, time, views, new WorkEffects(db));
        var problems = new ProblemService(db, user, time, work, views);
        return await action(new ProblemUseCases(work, problems, new KnownErrorService(db, user, work), new CandidateService(db, user, time, problems),
            new ProblemSettingsService(db, user), new ProblemCandidateHandler(db, time)));
    }

    /// <summary>An incident raised by the agent on the world's service, optionally on the mail server.</summary>
    public async Task<string> IncidentAsync(string title, bool onMailServer = false, string? category = null, string? description = null)
    {
        var created = await Work.RunAsync(Agent, u => u.Incidents.CreateAsync(
            new IncidentDraft(title, description, Work.Service.Id, onMailServer ? MailServer.Id : null, "requester", 2, 2, category), Ct));
        return created.Value!.Number;
    }

    public Task<Result<ProblemView>> RaiseAsync(ICurrentUser by, string title, params string[] incidents) =>
        RunAsync(by, u => u.Problems.CreateAsync(new ProblemDraft(title, "Seen by several people.", Work.Service.Id, null, 2, 2, null, incidents), Ct));

    public Task<Result<WorkItemView>> MoveAsync(ICurrentUser by, string number, WorkState to) =>
        RunAsync(by, u => u.Work.TransitionAsync(WorkKind.Problem, number, null, new TransitionRequest(to), Ct));

    public async Task<Result<ProblemView>> PatchAsync(ICurrentUser by, string number, string? rootCause = null, string? workaround = null)
    {
        var current = (await RunAsync(by, u => u.Problems.GetAsync(number, Ct))).Value!;
        var patch = new ProblemPatch(new WorkPatch(),
            rootCause is null ? default : new Optional<string?>(true, rootCause),
            workaround is null ? default : new Optional<string?>(true, workaround));
        return await RunAsync(by, u => u.Problems.UpdateAsync(number, current.Version, patch, Ct));
    }
}

internal sealed record ProblemUseCases(
    WorkItemService Work, ProblemService Problems, KnownErrorService KnownErrors, CandidateService Candidates,
    ProblemSettingsService Settings, ProblemCandidateHandler Job);

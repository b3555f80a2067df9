using Keel.Application.Experience;
using Keel.Application.Platform;
using Keel.Application.Platform.Notifications;
using Keel.Application.Tests.Work;
using Keel.Application.Work;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Experience;

/// <summary>The small service desk of <see cref="WorkWorld"/>, plus a request that needs no approval and the survey use cases.</summary>
internal sealed class SurveyWorld
{
    public required WorkWorld Work { get; init; }
    public required CatalogItem Headset { get; init; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Infrastructure.TestDatabase Database => Work.Database;

    public static async Task<SurveyWorld> CreateAsync(Infrastructure.TestDatabase database)
    {
        var work = await WorkWorld.CreateAsync(database);
        var headset = new CatalogItem { ServiceId = work.Service.Id, Name = "Headset", Description = "A headset for calls." };
        await using var db = database.NewDbContext();
        db.Add(headset);
        await db.SaveChangesAsync(Ct);
        return new SurveyWorld { Work = work, Headset = headset };
    }

    /// <summary>Runs the issuer once, as the job would; returns how many surveys it sent.</summary>
    public async Task<int> IssueAsync()
    {
        await using var db = Database.NewDbContext(SystemUser.Instance);
        return await new SurveyIssuer(db, Database.Time, new NotificationLinks(NotificationLinks.DefaultPublicUrl)).IssueAsync(Ct);
    }

    /// <summary>The first run only sets the watermark; later tests start from there, past the overlap.</summary>
    public async Task StartIssuerAsync()
    {
        (await IssueAsync()).ShouldBe(0);
        Database.Time.Advance(SurveyIssuer.Overlap + TimeSpan.FromMinutes(1));
    }

    public async Task<T> SurveysAsync<T>(ICurrentUser? user, Func<SurveyService, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user ?? SystemUser.Instance);
        return await action(new SurveyService(db, user ?? new Infrastructure.TestUser("anonymous", null), Database.Time));
    }

    public async Task<string> ResolvedIncidentAsync(string title = "Printer jammed")
    {
        var number = (await Work.RaiseAsync(Work.Requester, title)).Value!.Number;
        (await Work.MoveAsync(Work.Agent, number, new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedRemotely, ResolutionNote: "Cleared it."))).IsSuccess.ShouldBeTrue();
        return number;
    }

    public async Task<List<Survey>> StoredAsync()
    {
        await using var db = Database.NewDbContext();
        return await db.Set<Survey>().AsNoTracking().OrderBy(s => s.SentAt).ToListAsync(Ct);
    }

    public async Task<Survey> OnlySurveyAsync() => (await StoredAsync()).ShouldHaveSingleItem();

    public async Task SetSampleRateAsync(decimal rate)
    {
        await using var db = Database.NewDbContext();
        var service = await db.Set<Keel.Domain.Services.Service>().FirstAsync(s => s.Id == Work.Service.Id, Ct);
        service.SurveySampleRate = rate;
        await db.SaveChangesAsync(Ct);
    }

    public static TransitionRequest Fulfil => new(WorkState.Fulfilled);

    public static Error? ErrorOf<T>(Result<T> result) => result.Error;
}

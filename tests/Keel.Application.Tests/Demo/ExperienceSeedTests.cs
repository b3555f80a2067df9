using System.Collections.Concurrent;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Experience;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Demo;

/// <summary>
/// The demo's surveys and the portfolio's value data, read back from the same seeded history as
/// <see cref="WorkHistorySeedTests"/> (one seed per provider, shared through its template).
/// </summary>
public sealed class ExperienceSeedTests(DatabaseFixture databases)
{
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<SeededExperience>>> Seeded = new();

    private static DateTime Now => TestDatabase.Start.UtcDateTime;

    [Theory, DatabaseData]
    public async Task Surveys_Seeded_OnePerResolvedIncidentOrFulfilledRequestSentToItsRequesterAfterResolution(DatabaseProvider provider)
    {
        var seeded = await SharedAsync(provider);

        seeded.Surveys.ShouldNotBeEmpty();
        seeded.Surveys.Select(s => s.WorkItemId).ShouldBeUnique();
        seeded.Surveys.Select(s => s.Token).ShouldBeUnique();
        foreach (var survey in seeded.Surveys)
        {
            var item = seeded.Items[survey.WorkItemId];
            var ended = item.Kind == WorkKind.Incident ? item.State is WorkState.Resolved or WorkState.Closed : item.State is WorkState.Fulfilled or WorkState.Closed;
            (item.Kind is WorkKind.Incident or WorkKind.Request && ended).ShouldBeTrue($"{item.Number} is {item.Kind} {item.State}");
            var resolved = item.ResolvedAt.ShouldNotBeNull(item.Number);
            (survey.RecipientId, survey.ServiceId).ShouldBe((item.RequestedForId ?? item.RequesterId, item.ServiceId), item.Number);
            (survey.SentAt - resolved).ShouldBeInRange(TimeSpan.Zero, TimeSpan.FromMinutes(10), item.Number);
            survey.SentAt.ShouldBeLessThanOrEqualTo(Now);
            survey.ExpiresAt.ShouldBe(survey.SentAt + Survey.DefaultLifetime);
            survey.Token.Length.ShouldBe(Survey.TokenLength);
            survey.Token.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
            if (survey.RespondedAt is { } responded)
            {
                survey.Rating.ShouldNotBeNull().ShouldBeInRange(Survey.LowestRating, Survey.HighestRating);
                responded.ShouldBeGreaterThan(survey.SentAt, item.Number);
                responded.ShouldBeLessThan(survey.ExpiresAt, item.Number);
                responded.ShouldBeLessThanOrEqualTo(Now, item.Number);
            }
            else
            {
                (survey.Rating, survey.Comment).ShouldBe((null, null), item.Number);
            }
        }
    }

    [Theory, DatabaseData]
    public async Task Surveys_Seeded_SampledAtEachServicesRateAndAboutAThirdAnsweredWithSomeComments(DatabaseProvider provider)
    {
        var seeded = await SharedAsync(provider);

        // Items resolved in the last minutes before the seed's now are not surveyed yet; a day's margin leaves them out.
        var eligible = seeded.Items.Values.Where(i => i.ResolvedAt < Now.AddDays(-1)
            && (i.Kind == WorkKind.Incident ? i.State is WorkState.Resolved or WorkState.Closed : i.Kind == WorkKind.Request && i.State is WorkState.Fulfilled or WorkState.Closed))
            .ToLookup(i => seeded.Services[i.ServiceId].SurveySampleRate);
        var surveyed = seeded.Surveys.Select(s => s.WorkItemId).ToHashSet();
        eligible[1m].Count(i => surveyed.Contains(i.Id)).ShouldBe(eligible[1m].Count(), "every item of a service that asks everyone");
        (eligible[0.5m].Count(i => surveyed.Contains(i.Id)) / (double)eligible[0.5m].Count()).ShouldBeInRange(0.4, 0.6, "half of a service sampling half");

        var answered = seeded.Surveys.Where(s => s.RespondedAt is not null).ToList();
        (answered.Count / (double)seeded.Surveys.Count).ShouldBeInRange(0.25, 0.4);
        var rates = seeded.Surveys.GroupBy(s => s.ServiceId).Where(g => g.Count() >= 100).Select(g => g.Count(s => s.RespondedAt is not null) / (double)g.Count()).ToList();
        (rates.Max() - rates.Min()).ShouldBeGreaterThan(0.07, "response rates vary by service");
        answered.Select(s => s.Rating).Distinct().Count().ShouldBe(5);
        var comments = answered.Where(s => s.Comment is not null).ToList();
        (comments.Count / (double)answered.Count).ShouldBeInRange(0.2, 0.5);
        comments.Select(s => s.Comment).Distinct().Count().ShouldBeInRange(20, 30);
        var complaints = comments.Where(s => s.Rating <= 2).Select(s => s.Comment).ToHashSet();
        comments.Where(s => s.Rating >= 4).Select(s => s.Comment).Where(complaints.Contains).ShouldBeEmpty("complaints are not praise");
    }

    [Theory, DatabaseData]
    public async Task Surveys_Seeded_DemoRequestersHaveOpenSurveysFromTheLastTwoWeeks(DatabaseProvider provider)
    {
        var seeded = await SharedAsync(provider);

        foreach (var userName in new[] { DemoAccounts.Requester, DemoAccounts.Requester2 })
        {
            var open = seeded.Surveys.Where(s => s.RecipientId == seeded.People[userName] && s.StatusAt(Now) == SurveyStatus.Open).ToList();
            open.ShouldNotBeEmpty(userName);
            open.ShouldAllBe(s => s.SentAt > Now - Survey.DefaultLifetime);
        }
        seeded.Surveys.Count(s => s.StatusAt(Now) == SurveyStatus.Expired).ShouldBeGreaterThan(seeded.Surveys.Count / 3, "most people never answer");
    }

    [Theory, DatabaseData]
    public async Task Surveys_Seeded_BestServiceRatedClearlyAboveWorstAndBreachesOrReopensRatedLower(DatabaseProvider provider)
    {
        var seeded = await SharedAsync(provider);

        var answered = seeded.Surveys.Where(s => s.Rating is not null).ToList();
        var means = answered.GroupBy(s => seeded.Services[s.ServiceId].Name).ToDictionary(g => g.Key, g => g.Average(s => s.Rating!.Value));
        var overall = answered.Average(s => s.Rating!.Value);
        foreach (var best in new[] { "Email & Calendar", "Video Meetings" })
        {
            means[best].ShouldBeGreaterThan(overall, best);
            foreach (var worst in new[] { "ERP Purchasing", "Remote Access" })
            {
                means[worst].ShouldBeLessThan(overall, worst);
                (means[best] - means[worst]).ShouldBeGreaterThanOrEqualTo(0.8, $"{best} against {worst}");
            }
        }

        var troubled = answered.ToLookup(s => seeded.Items[s.WorkItemId] is var i && (i.SlaStatus == SlaStatus.Breached || i.ReopenCount > 0));
        troubled[true].ShouldNotBeEmpty();
        (troubled[false].Average(s => s.Rating!.Value) - troubled[true].Average(s => s.Rating!.Value)).ShouldBeGreaterThan(0.5);
    }

    [Theory, DatabaseData]
    public async Task Portfolio_Seeded_EveryLiveServiceHasATargetCostsOutcomesAndConsumers(DatabaseProvider provider)
    {
        var seeded = await SharedAsync(provider);

        var live = seeded.Services.Values.Where(s => s.Lifecycle == ServiceLifecycle.Live).ToList();
        live.ShouldAllBe(s => s.ExperienceTarget >= 70 && s.ExperienceTarget <= 85);
        live.Select(s => s.ExperienceTarget).Distinct().Count().ShouldBeGreaterThan(2);
        live.Count(s => s.SurveySampleRate < 1m).ShouldBeGreaterThanOrEqualTo(3);
        foreach (var service in live)
        {
            var costs = seeded.CostItems.Where(c => c.ServiceId == service.Id).ToList();
            costs.Count.ShouldBeInRange(2, 4, service.Name);
            costs.Select(c => c.Category).ShouldContain(CostCategory.Licences, service.Name);
            // A mid-size company: from a few hundred to some tens of thousands of euros a month per service.
            costs.Sum(c => c.Monthly.Minor).ShouldBeInRange(500_00, 25_000_00, service.Name);
            seeded.Outcomes.Count(o => o.ServiceId == service.Id).ShouldBeInRange(1, 3, service.Name);
        }
        var multiple = seeded.Outcomes.GroupBy(o => o.ServiceId).Where(g => g.Count() > 1).ToList();
        multiple.Count.ShouldBeGreaterThanOrEqualTo(5);
        multiple.ShouldAllBe(g => g.Select(o => o.BusinessUnitId).Distinct().Count() > 1, "each outcome of a service for another business unit");
        var bases = seeded.Consumers.GroupBy(c => c.ServiceId).Select(g => g.Select(c => c.Basis).Distinct().Count()).ToList();
        bases.ShouldContain(2, "some services shared by fixed shares and by tickets at once");
        seeded.Consumers.Select(c => c.Basis).ShouldContain(AllocationBasis.Tickets);
        seeded.Pools.Select(p => p.Basis).ShouldContain(AllocationBasis.FixedShares);
        seeded.Pools.Select(p => p.Basis).ShouldContain(AllocationBasis.Tickets);
    }

    private Task<SeededExperience> SharedAsync(DatabaseProvider provider) =>
        Seeded.GetOrAdd(provider, p => new Lazy<Task<SeededExperience>>(async () =>
        {
            await using var database = await databases.CreateAsync(p, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, CancellationToken.None);
            await using var db = database.NewDbContext();
            return await SeededExperience.LoadAsync(db, CancellationToken.None);
        })).Value;
}

/// <summary>The seeded surveys with the items, services and value data they belong to, read into memory.</summary>
internal sealed record SeededExperience(
    IReadOnlyList<Survey> Surveys,
    IReadOnlyDictionary<Guid, WorkItem> Items,
    IReadOnlyDictionary<Guid, Service> Services,
    IReadOnlyList<CostItem> CostItems,
    IReadOnlyList<BusinessOutcome> Outcomes,
    IReadOnlyList<ServiceConsumer> Consumers,
    IReadOnlyList<CostPool> Pools,
    IReadOnlyDictionary<string, Guid> People)
{
    public static async Task<SeededExperience> LoadAsync(KeelDb db, CancellationToken ct) => new(
        await db.Set<Survey>().AsNoTracking().ToListAsync(ct),
        await db.Set<WorkItem>().AsNoTracking().Where(w => w.Kind == WorkKind.Incident || w.Kind == WorkKind.Request).ToDictionaryAsync(w => w.Id, ct),
        await db.Set<Service>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct),
        await db.Set<CostItem>().AsNoTracking().ToListAsync(ct),
        await db.Set<BusinessOutcome>().AsNoTracking().ToListAsync(ct),
        await db.Set<ServiceConsumer>().AsNoTracking().ToListAsync(ct),
        await db.Set<CostPool>().AsNoTracking().ToListAsync(ct),
        await db.Users.AsNoTracking().Where(u => u.UserName == DemoAccounts.Requester || u.UserName == DemoAccounts.Requester2)
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, ct));
}

using System.Collections.Concurrent;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Forms;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Demo;

/// <summary>
/// The demo profile's work history, seeded once per provider with a smaller count than the demo's 40,000 (the same
/// generator; the count only scales it) and read back as the app would read it.
/// </summary>
public sealed class WorkHistorySeedTests(DatabaseFixture databases)
{
    internal const int Items = 3_000;
    internal const string Template = "demo_history";

    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<SeededHistory>>> Seeded = new();
    private static readonly ConcurrentDictionary<DatabaseProvider, DemoSeedResult> Results = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task History_Seeded_SeventyPercentIncidentsAndRequestsWithTheirItemsTasks(DatabaseProvider provider)
    {
        var history = await SharedAsync(provider);

        var incidents = history.Items.Count(i => i.Kind == WorkKind.Incident);
        var requests = history.Items.Where(i => i.Kind == WorkKind.Request).ToList();
        (incidents + requests.Count).ShouldBe(Items);
        requests.Count.ShouldBe((int)Math.Round(Items * 0.3));
        Results[provider].CountOf("incidents").ShouldBe(incidents);
        var tasksByRequest = history.Items.Where(i => i.Kind == WorkKind.Task).ToLookup(t => t.ParentId);
        foreach (var request in requests)
        {
            var templates = history.CatalogItems[request.CatalogItemId!.Value].Tasks.OrderBy(t => t.Order).ToList();
            tasksByRequest[request.Id].OrderBy(t => t.Number, StringComparer.Ordinal)
                .Select(t => (t.Title, t.TaskOrder, t.TeamId)).ShouldBe(templates.Select(t => (t.Title, (int?)t.Order, (Guid?)t.TeamId)), request.Number);
        }
    }

    [Theory, DatabaseData]
    public async Task History_Seeded_EveryItemIsInTheStateItsHistoryMovedItToByLegalMoves(DatabaseProvider provider)
    {
        var history = await SharedAsync(provider);

        foreach (var item in history.Items)
        {
            var events = history.Events[item.Id];
            events[0].Type.ShouldBe(WorkEventType.Created, item.Number);
            events[0].To.ShouldBe(item.Workflow.Initial.ToString(), item.Number);
            events.Select(e => e.At).ShouldBeInOrder(SortDirection.Ascending, item.Number);
            var state = item.Workflow.Initial;
            foreach (var move in events.Where(e => e.Type == WorkEventType.StateChanged))
            {
                move.From.ShouldBe(state.ToString(), item.Number);
                var to = Enum.Parse<WorkState>(move.To!);
                item.Workflow.AllowedFrom(state, Mover.System).ShouldContain(to, $"{item.Number}: {state} → {to}");
                state = to;
            }
            item.State.ShouldBe(state, item.Number);
            events[^1].At.ShouldBeLessThanOrEqualTo(TestDatabase.Start.UtcDateTime);
            item.UpdatedAt.ShouldBe(events.Max(e => e.At), item.Number);
        }
    }

    [Theory, DatabaseData]
    public async Task History_Seeded_ResponseResolutionAndClosingTimesMatchTheHistory(DatabaseProvider provider)
    {
        var history = await SharedAsync(provider);

        foreach (var item in history.Items)
        {
            var moves = history.Events[item.Id].Where(e => e.Type == WorkEventType.StateChanged).ToList();
            var lastFinish = moves.LastOrDefault(e => e.To is nameof(WorkState.Resolved) or nameof(WorkState.Fulfilled) or nameof(WorkState.Done));
            if (item.State is WorkState.Resolved or WorkState.Fulfilled or WorkState.Done || (item.State == WorkState.Closed && item.Kind != WorkKind.Task))
            {
                item.ResolvedAt.ShouldBe(lastFinish.ShouldNotBeNull(item.Number).At, item.Number);
            }
            if (item.State is WorkState.Closed or WorkState.Cancelled or WorkState.Rejected)
            {
                item.ClosedAt.ShouldBe(moves[^1].At, item.Number);
            }
            else
            {
                item.ClosedAt.ShouldBeNull(item.Number);
            }
            if (item.State == WorkState.Closed)
            {
                (item.ClosedAt!.Value - item.ResolvedAt!.Value).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(3), "closed automatically after three days");
                moves[^1].ActorId.ShouldBeNull();
            }
            item.ReopenCount.ShouldBe(moves.Count(m => m.From == nameof(WorkState.Resolved) && m.To == nameof(WorkState.InProgress)), item.Number);
            if (item.Kind == WorkKind.Incident && moves.FirstOrDefault(m => m.To == nameof(WorkState.InProgress) && m.ActorId != item.RequesterId) is { } started)
            {
                item.FirstRespondedAt.ShouldNotBeNull(item.Number).ShouldBeLessThanOrEqualTo(started.At);
            }
            // A request's first reply may come with its fulfilment; an incident's never after its resolution.
            if (item is { Kind: WorkKind.Incident, FirstRespondedAt: { } responded, ResolvedAt: { } resolved })
            {
                responded.ShouldBeLessThanOrEqualTo(resolved, item.Number);
            }
        }
    }

    [Theory, DatabaseData]
    public async Task History_Seeded_RequestsAnswersPassTheirFormAndTheRightPersonDecided(DatabaseProvider provider)
    {
        var history = await SharedAsync(provider);

        var requests = history.Items.Where(i => i.Kind == WorkKind.Request).ToList();
        foreach (var request in requests)
        {
            var catalogItem = history.CatalogItems[request.CatalogItemId!.Value];
            using var answers = JsonDocument.Parse(request.Answers.ShouldNotBeNull(request.Number));
            var validated = FormValidator.Validate(catalogItem.Form, answers.RootElement);
            validated.IsSuccess.ShouldBeTrue(request.Number);
            validated.Value!.ToJson().ShouldBe(request.Answers, "stored in the validator's normalized form");
        }
        history.Approvals.ShouldNotBeEmpty();
        foreach (var approval in history.Approvals)
        {
            var request = requests.Single(r => r.Id == approval.WorkItemId);
            var catalogItem = history.CatalogItems[request.CatalogItemId!.Value];
            var service = history.Services[request.ServiceId];
            var expected = catalogItem.Approval == ApprovalNeed.RequesterManager ? history.ManagerOf[request.RequesterId] ?? service.OwnerId : service.OwnerId;
            approval.ApproverId.ShouldBe(expected == request.RequesterId ? service.OwnerId : expected, request.Number);
            if (approval.State is ApprovalState.Approved or ApprovalState.Rejected)
            {
                var decision = history.Events[request.Id].First(e => e.To is nameof(WorkState.Approved) or nameof(WorkState.Rejected));
                (decision.ActorId, decision.At).ShouldBe((approval.ApproverId, approval.DecidedAt!.Value), request.Number);
            }
        }
        history.Approvals.Select(a => a.State).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3, "approved, rejected and some still pending or withdrawn");
    }

    [Theory, DatabaseData]
    public async Task History_Seeded_NumbersFollowCreationAndNewWorkContinuesTheSequence(DatabaseProvider provider)
    {
        var history = await SharedAsync(provider);

        history.Items.Select(i => i.Number).ShouldBeUnique();
        foreach (var kind in new[] { WorkKind.Incident, WorkKind.Request })
        {
            history.Items.Where(i => i.Kind == kind).OrderBy(i => i.Number, StringComparer.Ordinal).Select(i => i.CreatedAt)
                .ShouldBeInOrder(SortDirection.Ascending, $"{kind} numbers in creation order");
        }
        await using var database = await databases.CreateAsync(provider, Template, SeedAsync, Ct);
        await using var db = database.NewDbContext();
        foreach (var kind in new[] { WorkKind.Incident, WorkKind.Request, WorkKind.Task })
        {
            var last = history.Items.Where(i => i.Kind == kind).Max(i => i.Number);
            WorkNumber.TryParse(last, out _, out var sequence).ShouldBeTrue();
            (await WorkNumbers.NextAsync(db, kind, Ct)).ShouldBe(WorkNumber.Format(kind, sequence + 1));
        }
    }

    [Theory, DatabaseData]
    public async Task History_Seeded_MostlyP3AndP4OnBusyServicesInWorkingHoursSomeReopenedAndAFewMajor(DatabaseProvider provider)
    {
        var history = await SharedAsync(provider);

        var incidents = history.Items.Where(i => i.Kind == WorkKind.Incident).ToList();
        var p1 = incidents.Count(i => i.Priority == 1) / (double)incidents.Count;
        p1.ShouldBeInRange(0.001, 0.03);
        (incidents.Count(i => i.Priority >= 3) / (double)incidents.Count).ShouldBeGreaterThan(0.8);
        (incidents.Count(i => i.ReopenCount > 0) / (double)incidents.Count).ShouldBeInRange(0.02, 0.08);
        incidents.Count(i => i.State == WorkState.Cancelled).ShouldBeGreaterThan(0);
        incidents.Count(i => i.ReassignmentCount > 0).ShouldBeGreaterThan(incidents.Count / 5, "many escalated from the desk");
        var perService = incidents.GroupBy(i => i.ServiceId).Select(g => g.Count()).OrderDescending().ToList();
        perService[0].ShouldBeGreaterThan(perService[^1] * 5, "some services are much busier");
        // Europe/Berlin holds most people: the morning peak lands around 07:00–10:00 UTC, the night is quiet.
        var byHour = incidents.GroupBy(i => i.CreatedAt.Hour).ToDictionary(g => g.Key, g => g.Count());
        Enumerable.Range(7, 4).Sum(h => byHour.GetValueOrDefault(h)).ShouldBeGreaterThan(Enumerable.Range(0, 5).Sum(h => byHour.GetValueOrDefault(h)) * 10);
        var weekend = incidents.Count(i => i.CreatedAt.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        weekend.ShouldBeLessThan(incidents.Count / 10);
        var recent = history.Items.Where(i => i.Kind != WorkKind.Task && i.CreatedAt > TestDatabase.Start.UtcDateTime.AddDays(-14)).ToList();
        var week = recent.Where(i => i.CreatedAt > TestDatabase.Start.UtcDateTime.AddDays(-7)).ToList();
        week.Count(i => i.ClosedAt is null).ShouldBeGreaterThan(week.Count / 2, "last week's work is still being worked on or waiting to close");
        recent.Count(i => i.IsOpen).ShouldBeGreaterThan(recent.Count / 10, "the last two weeks are still being worked on");
        var old = history.Items.Where(i => i.Kind != WorkKind.Task && i.CreatedAt < TestDatabase.Start.UtcDateTime.AddDays(-45)).ToList();
        old.Count(i => i.ClosedAt is not null).ShouldBeGreaterThan(old.Count * 99 / 100, "older work is closed");
        history.Items.Where(i => i.IsOpen).Select(i => i.State).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        (history.Comments.Count / (double)Items).ShouldBeInRange(1, 4);
        history.Comments.ShouldContain(c => c.Internal);
        history.Logs.ShouldAllBe(l => l.Minutes > 0 && l.Minutes <= WorkLog.MaxMinutesPerEntry);
    }

    [Theory, DatabaseData]
    public async Task History_Seeded_MajorIncidentsResolveTheirChildren(DatabaseProvider provider)
    {
        var history = await SharedAsync(provider);

        var majors = history.Items.Where(i => i.IsMajor).ToList();
        majors.Count.ShouldBe(3);
        foreach (var major in majors)
        {
            major.Priority.ShouldBe(1);
            var children = history.Items.Where(i => i.ParentId == major.Id).ToList();
            children.Count.ShouldBeGreaterThanOrEqualTo(4);
            children.ShouldAllBe(c => c.Kind == WorkKind.Incident && c.ResolvedAt == major.ResolvedAt
                                      && c.ResolutionNote!.StartsWith($"Resolved with its parent {major.Number}:", StringComparison.Ordinal));
        }
    }

    [Theory, DatabaseData]
    public async Task History_Seeded_FullTextSearchFindsSeededTitles(DatabaseProvider provider)
    {
        var history = await SharedAsync(provider);
        await using var database = await databases.CreateAsync(provider, Template, SeedAsync, Ct);
        await using var db = database.NewDbContext();

        var vpn = await WorkSearch.Matching(db, db.Set<WorkItem>().Where(w => w.Kind != WorkKind.Change), WorkSearch.Terms("vpn")).Select(w => w.Title).ToListAsync(Ct);
        vpn.ShouldNotBeEmpty();
        vpn.Count.ShouldBe(history.Items.Count(i => i.Title.Contains("VPN", StringComparison.Ordinal) || i.Description.Contains("VPN", StringComparison.Ordinal)));
        var sample = history.Items.First(i => i.Kind == WorkKind.Incident && i.Title.Contains("Printer", StringComparison.Ordinal));
        (await WorkSearch.Matching(db, db.Set<WorkItem>(), WorkSearch.Terms(sample.Title)).Select(w => w.Number).ToListAsync(Ct)).ShouldContain(sample.Number);
    }

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_HasNoWorkItemsAndRefusesAHistory(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var db = database.NewDbContext();

        await Should.ThrowAsync<ArgumentException>(() => DemoSeeder.SeedAsync(db, DemoProfile.Tiny, "Demo-Passw0rd!", database.Time,
            new DemoSeedOptions { WorkItems = 10 }, progress: null, Ct));
        (await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, "Demo-Passw0rd!", database.Time, Ct)).Seeded.ShouldBeTrue();

        (await db.Set<WorkItem>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<WorkEvent>().CountAsync(Ct)).ShouldBe(0);
    }

    internal static async Task SeedAsync(TestDatabase template, CancellationToken ct)
    {
        await using var db = template.NewDbContext();
        var result = await DemoSeeder.SeedAsync(db, DemoProfile.Demo, "Demo-Passw0rd!", template.Time, new DemoSeedOptions { WorkItems = Items }, progress: null, ct);
        result.Seeded.ShouldBeTrue(result.Summary);
        TestContext.Current.TestOutputHelper?.WriteLine($"{template.Provider}: {result.Summary}");
        Results[template.Provider] = result;
    }

    private Task<SeededHistory> SharedAsync(DatabaseProvider provider) =>
        Seeded.GetOrAdd(provider, p => new Lazy<Task<SeededHistory>>(async () =>
        {
            await using var database = await databases.CreateAsync(p, Template, SeedAsync, CancellationToken.None);
            await using var db = database.NewDbContext();
            return await SeededHistory.LoadAsync(db, CancellationToken.None);
        })).Value;
}

/// <summary>The seeded work history read into memory.</summary>
internal sealed record SeededHistory(
    IReadOnlyList<WorkItem> Items,
    IReadOnlyDictionary<Guid, List<WorkEvent>> Events,
    IReadOnlyList<WorkComment> Comments,
    IReadOnlyList<WorkLog> Logs,
    IReadOnlyList<Approval> Approvals,
    IReadOnlyDictionary<Guid, CatalogItem> CatalogItems,
    IReadOnlyDictionary<Guid, Service> Services,
    IReadOnlyDictionary<Guid, Guid?> ManagerOf)
{
    public static async Task<SeededHistory> LoadAsync(KeelDb db, CancellationToken ct)
    {
        var events = await db.Set<WorkEvent>().AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct);
        return new SeededHistory(
            // The work history is incidents, requests and their tasks; problems and changes are raised over it by later steps.
            await db.Set<WorkItem>().AsNoTracking().Where(w => w.Kind == WorkKind.Incident || w.Kind == WorkKind.Request || w.Kind == WorkKind.Task).ToListAsync(ct),
            events.GroupBy(e => e.WorkItemId).ToDictionary(g => g.Key, g => g.ToList()),
            await db.Set<WorkComment>().AsNoTracking().ToListAsync(ct),
            await db.Set<WorkLog>().AsNoTracking().ToListAsync(ct),
            await db.Set<Approval>().AsNoTracking().Where(a => db.Set<WorkItem>().Any(w => w.Id == a.WorkItemId && w.Kind == WorkKind.Request)).ToListAsync(ct),
            await db.Set<CatalogItem>().AsNoTracking().ToDictionaryAsync(i => i.Id, ct),
            await db.Set<Service>().AsNoTracking().ToDictionaryAsync(s => s.Id, ct),
            await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ManagerId, ct));
    }
}

using Keel.Application.Data;
using Keel.Application.Work;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// Twelve months of the demo organization's incidents and requests (demo profile only), generated in memory through
/// the domain's own moves and stored in bulk: a row per insert statement (or a COPY) instead of a save per item, so
/// 40,000 items with their history, conversations, time and approvals take seconds.
/// </summary>
internal sealed class WorkHistoryStep : IDemoSeedStep
{
    public string Name => "work history";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (context.WorkItems == 0)
        {
            return;
        }
        var history = WorkHistoryGenerator.Generate(context, context.WorkItems);
        // Before the items are written: computing them sets each item's SLA status and due time.
        var clocks = new DemoClocks(context).Compute(history.Items, context.Now);
        var db = context.Db;
        // The clocks are computed above; nothing saved below may recompute them.
        db.SuppressClocks = true;
        try
        {
            await WriteAsync(db, history, clocks, ct);
        }
        finally
        {
            db.SuppressClocks = false;
        }
        context.HistoryItems = history.Items;

        context.Count("incidents", history.Items.Count(i => i.Kind == WorkKind.Incident));
        context.Count("requests", history.Items.Count(i => i.Kind == WorkKind.Request));
        context.Count("fulfilment tasks", history.Items.Count(i => i.Kind == WorkKind.Task));
        context.Count("history lines", history.Items.Sum(i => i.Events.Count));
        context.Count("comments", history.Comments.Count);
        context.Count("work logs", history.Logs.Count);
        context.Count("approvals", history.Approvals.Count);
        context.Count("SLA clocks", clocks.Count);
    }

    private static async Task WriteAsync(KeelDb db, WorkHistory history, List<ServiceLevelClock> clocks, CancellationToken ct)
    {
        await using var cache = await BulkInsert.LargeCacheAsync(db, ct);
        // Items in creation order (parents before children), then their history lines in the order they happened.
        await BulkInsert.InsertWorkItemsAsync(db, history.Items, ct);
        await BulkInsert.InsertAsync(db, history.Items.SelectMany(i => i.Events), ct);
        await BulkInsert.InsertAsync(db, clocks, ct);
        await BulkInsert.InsertAsync(db, history.Comments, ct);
        await BulkInsert.InsertAsync(db, history.Logs, ct);
        await BulkInsert.InsertAsync(db, history.Approvals, ct);
        // New work continues the sequences where the history ends.
        db.AddRange(history.LastNumbers.Select(n => new WorkCounter { Kind = n.Key, Last = n.Value }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

/// <summary>Plans the year, raises every item in creation order (which gives the numbers), then lives each one up to now.</summary>
internal static class WorkHistoryGenerator
{
    public static WorkHistory Generate(DemoSeedContext context, int count)
    {
        var world = new HistoryWorld(context);
        // Its own sequence: the organization and portfolio stay the same whatever the history draws.
        var random = new DemoRandom(DemoSeedContext.Seed + 2);
        var history = new WorkHistory();
        var act = new HistoryActions(world, history, context.Ids);
        var incidents = new IncidentLife(world, act, random);
        var requests = new RequestLife(world, act, history, random, context.Ids);
        var plans = new HistoryPlanner(world, random).Plan(count);
        var numbers = new Dictionary<WorkKind, long> { [WorkKind.Incident] = 0, [WorkKind.Request] = 0, [WorkKind.Task] = 0 };
        string Next(WorkKind kind) => WorkNumber.Format(kind, ++numbers[kind]);
        foreach (var plan in plans)
        {
            if (plan.Kind == WorkKind.Incident)
            {
                history.Items.Add(incidents.Raise(plan, Next(WorkKind.Incident), context.Ids.NextGuid()));
            }
            else
            {
                var tasks = requests.Raise(plan, Next(WorkKind.Request), context.Ids.NextGuid(), () => Next(WorkKind.Task));
                history.Items.Add(plan.Item!);
                history.Items.AddRange(tasks);
            }
        }

        foreach (var plan in plans)
        {
            if (plan.Kind == WorkKind.Incident)
            {
                incidents.Live(plan);
            }
            else
            {
                requests.Live(plan);
            }
        }
        foreach (var (kind, last) in numbers.Where(n => n.Value > 0))
        {
            history.LastNumbers[kind] = last;
        }
        return history;
    }
}

using Keel.Application.Knowledge;
using Keel.Application.Problems;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Problems;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>
/// Problems behind the seeded history's most recurring incidents (demo profile only): the service and category pairs
/// with most incidents in the last 90 days, each a problem linked to its latest incidents, at every stage from New to
/// Resolved, a third of them known errors with a workaround, published to the knowledge base. Then the candidate job's own rule runs once over the
/// history, so the Candidates tab shows what it would propose today.
/// </summary>
internal sealed class ProblemsStep : IDemoSeedStep
{
    public const int Problems = 30;

    /// <summary>How many of the proposed candidates the demo leaves open for someone to decide.</summary>
    public const int OpenCandidates = 3;

    private static readonly string[] Workarounds =
    [
        "Sign out, clear the cached credentials (Credential Manager → Windows credentials) and sign in again.",
        "Restart the client and reconnect; it stays away for about a working day.",
        "Use the web version until the fix is deployed.",
        "Connect through the secondary gateway while the primary is investigated.",
        "Restart the affected service on the server from the runbook (step 4); users reconnect by themselves.",
        "Send the job again to the floor's second device.",
    ];

    private static readonly string[] RootCauses =
    [
        "A certificate rollover left an intermediate certificate missing on one node of the pool.",
        "The client caches an expired token and does not refresh it after a password change.",
        "A scheduled task ran into the nightly backup window and exhausted the connection pool.",
        "A driver update from the vendor changed a default that our configuration relied on.",
        "Log files filled the data disk because rotation had been switched off during a migration.",
    ];

    public string Name => "problems";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (context.WorkItems == 0)
        {
            return;
        }
        var db = context.Db;
        var now = context.Now;
        var manager = context.Organization!.Person(DemoAccounts.ProblemManager);
        var since = now.AddDays(-90);
        var incidents = await db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.Kind == WorkKind.Incident && w.CreatedAt > since && w.Category != null && w.State != WorkState.Cancelled && w.DuplicateOfId == null)
            .Select(w => new { w.Id, w.Number, w.Title, w.ServiceId, w.ConfigurationItemId, w.Category, w.CreatedAt, w.Impact })
            .ToListAsync(ct);
        var groups = incidents.GroupBy(i => (i.ServiceId, i.Category)).Where(g => g.Count() >= 3)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.ServiceId).Take(Problems).ToList();
        if (groups.Count == 0)
        {
            return;
        }
        var first = await WorkNumbers.ReserveAsync(db, WorkKind.Problem, groups.Count, ct);
        var matrix = context.WorkSettings?.Matrix ?? PriorityMatrix.Default;
        var window = context.WorkSettings?.ReopenWindow ?? WorkSettings.DefaultReopenWindow;
        for (var i = 0; i < groups.Count; i++)
        {
            var linked = groups[i].OrderByDescending(x => x.CreatedAt).Take(3 + i % 6).ToList();
            var sample = linked[^1];
            var at = sample.CreatedAt.AddHours(4) < now ? sample.CreatedAt.AddHours(4) : now;
            var problem = new WorkItem
            {
                Kind = WorkKind.Problem, Number = WorkNumber.Format(WorkKind.Problem, first + i),
                Title = $"Recurring: {sample.Title}", Description = $"{groups[i].Count()} incidents in {groups[i].Key.Category} on this service in the last three months.",
                ServiceId = groups[i].Key.ServiceId, Category = groups[i].Key.Category,
                ConfigurationItemId = linked.Where(x => x.ConfigurationItemId != null).GroupBy(x => x.ConfigurationItemId).OrderByDescending(x => x.Count()).FirstOrDefault()?.Key,
                RequesterId = manager.Id, AssigneeId = manager.Id, Impact = linked.Min(x => x.Impact), Urgency = 2,
                ValueChainActivity = ValueChainActivity.Improve,
            };
            problem.Priority = matrix.PriorityOf(problem.Impact, problem.Urgency);
            problem.Open(manager.Id, at);
            var record = new ProblemRecord { WorkItemId = problem.Id };
            // Stages 0..5: New, Assessed, RootCauseAnalysis, KnownError, KnownError, Resolved.
            WorkState[] path = [WorkState.Assessed, WorkState.RootCauseAnalysis, WorkState.KnownError, WorkState.Resolved];
            var steps = (i % 6) switch { 0 => 0, 1 => 1, 2 => 2, 3 or 4 => 3, _ => 4 };
            foreach (var to in path.Take(steps))
            {
                at = at.AddHours(6) < now ? at.AddHours(6) : now;
                record.Workaround ??= to == WorkState.KnownError || to == WorkState.Resolved ? Workarounds[i % Workarounds.Length] : null;
                record.RootCause ??= to == WorkState.Resolved ? RootCauses[i % RootCauses.Length] : null;
                if (record.CheckMove(to) is null && problem.Transition(new TransitionRequest(to), new TransitionContext(manager.Id, Mover.Agent, at, window)) is null)
                {
                    record.Moved(to, at);
                }
            }
            db.Add(problem);
            db.Add(record);
            if (record.KnownErrorAt is { } known)
            {
                await KnownErrorPublisher.PublishAsync(db, problem, record, manager.Id, known, ct);
            }
            foreach (var incident in linked)
            {
                var linkedAt = incident.CreatedAt > at ? incident.CreatedAt : at;
                db.Add(new WorkLink { FromId = incident.Id, ToId = problem.Id, Type = WorkLinkType.CausedBy, CreatedById = manager.Id, CreatedAt = linkedAt });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var candidates = await new ProblemCandidateHandler(db, context.Time).ProposeAsync(ct);
        // A busy desk meets the default rule (5 in 7 days) on most services; the demo's problem manager has already
        // reviewed all but the largest few this week, so the Candidates tab shows a short list and some decisions.
        var open = await db.Set<ProblemCandidate>().Include(c => c.Incidents).Where(c => c.State == CandidateState.Open).ToListAsync(ct);
        foreach (var reviewed in open.OrderByDescending(c => c.Incidents.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Skip(OpenCandidates))
        {
            reviewed.State = CandidateState.Dismissed;
            reviewed.DecidedAt = reviewed.UpdatedAt = now;
            reviewed.DecidedById = manager.Id;
            reviewed.DismissReason = "Reviewed in the weekly problem review: the usual volume for this service, no common cause.";
        }
        await db.SaveChangesAsync(ct);
        context.Count("problems", groups.Count);
        context.Count("problem candidates", candidates);
    }
}

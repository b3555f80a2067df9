using Keel.Application.Data;
using Keel.Application.Value;
using Keel.Domain.Experience;

namespace Keel.Application.Demo;

/// <summary>
/// The experience of the seeded history (demo profile only): the surveys sent for its resolved incidents and fulfilled
/// requests and the answers to them (<see cref="DemoSurveys"/>). Runs last, once every item has its final state and clocks.
/// Targets, sample rates, costs and outcomes come with the portfolio (<see cref="DemoServiceProfiles"/>).
/// </summary>
internal sealed class ExperienceStep : IDemoSeedStep
{
    public string Name => "experience";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (context.HistoryItems is { Count: > 0 } items)
        {
            var organization = context.Organization ?? throw new InvalidOperationException("The organization step runs first.");
            var services = context.Services ?? throw new InvalidOperationException("The services step runs first.");
            var demoRequesters = new HashSet<Guid> { organization.Person(DemoAccounts.Requester).Id, organization.Person(DemoAccounts.Requester2).Id };
            var surveys = new DemoSurveys(new HistoryWorld(context), services.Services, demoRequesters).Issue(items);
            // The survey indexes have random keys (token, item): as for the history, keep them in memory while inserting.
            await using (await BulkInsert.LargeCacheAsync(context.Db, ct))
            {
                await BulkInsert.InsertAsync(context.Db, surveys, ct);
            }
            context.Count("surveys", surveys.Count);
            context.Count("survey answers", surveys.Count(s => s.RespondedAt is not null));
            context.Count("open surveys", surveys.Count(s => s.StatusAt(context.Now) == SurveyStatus.Open));
        }

        // Last of the seed: the value rollup reads the surveys above, the history's clocks and work logs, and the
        // portfolio's costs, outcomes and consumers; it also sets the catch-up's mark so the job goes on from here.
        var rollup = await new ValueRollup(context.Db, context.Time).RebuildAllAsync(ct);
        context.Count("value rollup rows", rollup.Rows);
    }
}

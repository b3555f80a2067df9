using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Problems;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Problems;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Problems;

public sealed class CandidateTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<string>> FiveOnTheMailServerAsync(ProblemWorld world)
    {
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await world.IncidentAsync($"Mails stuck in the outbox {i}", onMailServer: true));
            world.Database.Time.Advance(TimeSpan.FromHours(20));
        }
        return numbers;
    }

    [Theory, DatabaseData]
    public async Task Job_FiveIncidentsOnOneCiWithinAWeek_OneCandidateAndNoDuplicateOnTheNextRun(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var first = await FiveOnTheMailServerAsync(world);

        (await world.RunAsync(world.ProblemManager, u => u.Job.ProposeAsync(Ct))).ShouldBe(1);
        var sixth = await world.IncidentAsync("Outbox stuck again", onMailServer: true);
        (await world.RunAsync(world.ProblemManager, u => u.Job.ProposeAsync(Ct))).ShouldBe(0);

        var open = (await world.RunAsync(world.Agent, u => u.Candidates.ListAsync(null, new PageRequest(), Ct))).Value!.Items.ShouldHaveSingleItem();
        (open.Group, open.ConfigurationItem!.Name, open.Title).ShouldBe((CandidateGroup.ConfigurationItem, "mail-01", "6 incidents on configuration item mail-01"));
        open.Incidents.Select(i => i.Number).ShouldBe([.. first, sixth], ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Job_BelowTheAdminsThreshold_NoCandidate(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var settings = (await world.RunAsync(world.Agent, u => u.Settings.GetAsync(Ct))).Value!;
        (await world.RunAsync(world.ProblemManager, u => u.Settings.UpdateAsync(settings.Version, new ProblemSettingsPatch(6), Ct))).Error!.Code.ShouldBe("forbidden");
        (await world.RunAsync(Infrastructure.TestUser.Admin, u => u.Settings.UpdateAsync(settings.Version, new ProblemSettingsPatch(6, 30), Ct))).Value!
            .CandidateThreshold.ShouldBe(6);
        await FiveOnTheMailServerAsync(world);

        (await world.RunAsync(world.ProblemManager, u => u.Job.ProposeAsync(Ct))).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Accept_ByProblemManager_ProblemLinkedToTheIncidentsAndIncidentsNotProposedAgain(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        var incidents = await FiveOnTheMailServerAsync(world);
        await world.RunAsync(world.ProblemManager, u => u.Job.ProposeAsync(Ct));
        var candidate = (await world.RunAsync(world.Agent, u => u.Candidates.ListAsync(null, new PageRequest(), Ct))).Value!.Items[0];

        (await world.RunAsync(world.Agent, u => u.Candidates.AcceptAsync(candidate.Id, null, Ct))).Error!.Code.ShouldBe("forbidden");
        var problem = (await world.RunAsync(world.ProblemManager, u => u.Candidates.AcceptAsync(candidate.Id, candidate.Version, Ct))).Value!;

        (problem.Number, problem.ConfigurationItem!.Name, problem.CandidateId).ShouldBe(("PRB0000001", "mail-01", (Guid?)candidate.Id));
        problem.Incidents.Select(i => i.Number).ShouldBe(incidents, ignoreOrder: true);
        var accepted = (await world.RunAsync(world.Agent, u => u.Candidates.GetAsync(candidate.Id, Ct))).Value!;
        (accepted.State, accepted.Problem!.Number, accepted.DecidedBy!.Name).ShouldBe((CandidateState.Accepted, "PRB0000001", "problemmgr"));
        (await world.RunAsync(world.ProblemManager, u => u.Candidates.AcceptAsync(candidate.Id, null, Ct))).Error!.Code.ShouldBe("conflict");
        (await world.RunAsync(world.ProblemManager, u => u.Job.ProposeAsync(Ct))).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Dismiss_WithReason_GoneFromOpenAndNotProposedAgainForTheSameIncidents(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ProblemWorld.CreateAsync(database);
        await FiveOnTheMailServerAsync(world);
        await world.RunAsync(world.ProblemManager, u => u.Job.ProposeAsync(Ct));
        var candidate = (await world.RunAsync(world.Agent, u => u.Candidates.ListAsync(null, new PageRequest(), Ct))).Value!.Items[0];

        (await world.RunAsync(world.ProblemManager, u => u.Candidates.DismissAsync(candidate.Id, null, new DismissDraft(" "), Ct))).Error!
            .Fields!.Keys.ShouldBe(["reason"]);
        (await world.RunAsync(world.ProblemManager, u => u.Candidates.DismissAsync(candidate.Id, null, new DismissDraft("A planned migration; each was explained."), Ct)))
            .Value!.State.ShouldBe(CandidateState.Dismissed);

        (await world.RunAsync(world.ProblemManager, u => u.Job.ProposeAsync(Ct))).ShouldBe(0);
        (await world.RunAsync(world.Agent, u => u.Candidates.ListAsync(null, new PageRequest(), Ct))).Value!.Items.ShouldBeEmpty();
        (await world.RunAsync(world.Agent, u => u.Candidates.ListAsync([CandidateState.Dismissed], new PageRequest(), Ct))).Value!.Items
            .ShouldHaveSingleItem().DismissReason.ShouldBe("A planned migration; each was explained.");
    }
}

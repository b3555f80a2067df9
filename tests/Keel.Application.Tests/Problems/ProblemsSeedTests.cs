using Keel.Application.Data;
using Keel.Application.Tests.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Problems;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Problems;

public sealed class ProblemsSeedTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Demo_Seeded_ProblemsAtEveryStageKnownErrorsWithWorkaroundsLinkedToIncidents(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();

        var problems = await db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Problem)
            .Join(db.Set<ProblemRecord>(), w => w.Id, r => r.WorkItemId, (w, r) => new { w.Id, w.State, r.Workaround, r.RootCause }).ToListAsync(Ct);
        var links = await db.Set<WorkLink>().Where(l => l.Type == WorkLinkType.CausedBy).ToListAsync(Ct);

        problems.Count.ShouldBeGreaterThanOrEqualTo(10);
        problems.Select(p => p.State).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        problems.Where(p => p.State == WorkState.KnownError).ShouldAllBe(p => !string.IsNullOrEmpty(p.Workaround));
        problems.Where(p => p.State == WorkState.Resolved).ShouldAllBe(p => !string.IsNullOrEmpty(p.RootCause));
        problems.Count(p => p.State == WorkState.KnownError).ShouldBeGreaterThan(0);
        problems.ShouldAllBe(p => links.Count(l => l.ToId == p.Id) >= 3);
        (await db.Set<ProblemCandidate>().CountAsync(c => c.State == CandidateState.Open, Ct)).ShouldBeLessThanOrEqualTo(Keel.Application.Demo.ProblemsStep.OpenCandidates);
    }
}

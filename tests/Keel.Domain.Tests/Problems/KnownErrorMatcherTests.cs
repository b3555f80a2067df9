using Keel.Domain.Problems;

namespace Keel.Domain.Tests.Problems;

public sealed class KnownErrorMatcherTests
{
    private static readonly Guid Mail = Guid.NewGuid();
    private static readonly Guid Vpn = Guid.NewGuid();
    private static readonly Guid Exchange = Guid.NewGuid();

    private static MatchSubject Known(string title, Guid service, Guid? ci = null) => new(Guid.NewGuid(), service, ci, title, null);

    [Fact]
    public void Rank_OtherServiceAndCi_LeftOutEvenWithTheSameWords()
    {
        var incident = new MatchSubject(Guid.NewGuid(), Mail, null, "Outlook password prompt loops", null);

        KnownErrorMatcher.Rank(incident, [Known("Outlook password prompt loops", Vpn)]).ShouldBeEmpty();
    }

    [Fact]
    public void Rank_SameService_MostSimilarFirstAndUnrelatedLeftOut()
    {
        var incident = new MatchSubject(Guid.NewGuid(), Mail, null, "Outlook keeps asking for the password", "Since the update this morning.");
        var close = Known("Outlook asks for password after update", Mail);
        var loose = Known("Outlook slow to start", Mail);
        var unrelated = Known("Shared mailbox quota full", Mail);

        var ranked = KnownErrorMatcher.Rank(incident, [loose, unrelated, close]);

        ranked.Select(r => r.ProblemId).ShouldBe([close.Id, loose.Id]);
        ranked[0].Similarity.ShouldBeGreaterThan(ranked[1].Similarity);
    }

    [Fact]
    public void Rank_SameCi_ShownEvenWithoutSharedWordsAndBeforeAWeakTextMatch()
    {
        var incident = new MatchSubject(Guid.NewGuid(), Mail, Exchange, "Mails stuck in outbox", null);
        var onCi = Known("Transport queue stalls on restart", Vpn, Exchange);
        var weak = Known("Outbox rule errors on shared calendars", Mail);

        var ranked = KnownErrorMatcher.Rank(incident, [weak, onCi]);

        ranked.Select(r => r.ProblemId).ShouldBe([onCi.Id, weak.Id]);
        (ranked[0].SameConfigurationItem, ranked[0].SameService).ShouldBe((true, false));
    }

    [Fact]
    public void Rank_MoreThanTheLimit_OnlyTheBest()
    {
        var incident = new MatchSubject(Guid.NewGuid(), Mail, null, "calendar invites missing", null);
        var known = Enumerable.Range(0, 10).Select(i => Known($"calendar invites missing case{i}", Mail)).ToList();

        KnownErrorMatcher.Rank(incident, known, limit: 3).Count.ShouldBe(3);
    }
}

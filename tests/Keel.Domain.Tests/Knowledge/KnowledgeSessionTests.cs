using Keel.Domain.Knowledge;

namespace Keel.Domain.Tests.Knowledge;

public sealed class KnowledgeSessionTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    [Fact]
    public void DeflectedBy_LastArticleOpenedAndNoIncidentWithinTheWindow_CountsForTheLastArticle()
    {
        var session = new KnowledgeSession { StartedAt = Start };
        session.Viewed(First, Start);
        session.Viewed(Second, Start.AddMinutes(2));

        session.DeflectedBy(Start.AddMinutes(2) + KnowledgeSession.AbandonAfter - TimeSpan.FromSeconds(1)).ShouldBeNull();
        session.DeflectedBy(Start.AddMinutes(2) + KnowledgeSession.AbandonAfter).ShouldBe(Second);
    }

    [Fact]
    public void DeflectedBy_ThisSolvedIt_CountsAtOnceForThatArticle()
    {
        var session = new KnowledgeSession { StartedAt = Start };
        session.Viewed(First, Start);
        session.Viewed(Second, Start);

        session.Solved(First, Start.AddMinutes(1));

        session.DeflectedBy(Start.AddMinutes(1)).ShouldBe(First);
    }

    [Fact]
    public void DeflectedBy_IncidentRaisedAfterAll_NoDeflection()
    {
        var session = new KnowledgeSession { StartedAt = Start };
        session.Viewed(First, Start);
        session.Solved(First, Start);

        session.Raised(Guid.NewGuid(), Start.AddMinutes(5));

        session.DeflectedBy(Start.AddHours(2)).ShouldBeNull();
    }
}

using Keel.Application.Platform.Notifications;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Platform;

public sealed class NotificationLinksTests
{
    private readonly NotificationLinks _links = new("https://keel.example.com/");

    [Theory]
    [InlineData(WorkKind.Incident, "INC0000007", false, "/work/incidents/INC0000007")]
    [InlineData(WorkKind.Change, "CHG0000007", false, "/work/changes/CHG0000007")]
    [InlineData(WorkKind.Problem, "PRB0000007", false, "/problems/PRB0000007")]
    [InlineData(WorkKind.Incident, "INC0000007", true, "/portal/items/INC0000007")]
    public void PathOf_EachKindAndReader_IsAPageThatShowsTheItem(WorkKind kind, string number, bool forRequester, string path)
    {
        _links.PathOf(kind, number, forRequester).ShouldBe(path);
        _links.Absolute(path).ShouldBe("https://keel.example.com" + path);
    }
}

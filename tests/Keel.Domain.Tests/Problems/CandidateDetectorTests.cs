using Keel.Domain.Problems;

namespace Keel.Domain.Tests.Problems;

public sealed class CandidateDetectorTests
{
    private static readonly DateTime Now = new(2026, 6, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Mail = Guid.NewGuid();
    private static readonly Guid Vpn = Guid.NewGuid();
    private static readonly Guid Exchange = Guid.NewGuid();
    private static readonly ProblemSettings Settings = new() { CandidateThreshold = 3, CandidateWindowDays = 7 };

    private static CandidateIncident Incident(double daysAgo, Guid service, Guid? ci = null, string? category = null) =>
        new(Guid.NewGuid(), service, ci, category, Now.AddDays(-daysAgo));

    [Fact]
    public void Detect_ThresholdOnOneServiceWithinWindow_OneCandidateWithThoseIncidents()
    {
        var incidents = new[] { Incident(1, Mail), Incident(2, Mail), Incident(6.9, Mail), Incident(1, Vpn), Incident(2, Vpn) };

        var proposal = CandidateDetector.Detect(incidents, [], Settings, Now).ShouldHaveSingleItem();

        (proposal.Group, proposal.ServiceId, proposal.OpenCandidateId).ShouldBe((CandidateGroup.Service, Mail, (Guid?)null));
        proposal.IncidentIds.ShouldBe(incidents.Where(i => i.ServiceId == Mail).Select(i => i.Id), ignoreOrder: true);
        (proposal.FirstIncidentAt, proposal.LastIncidentAt).ShouldBe((Now.AddDays(-6.9), Now.AddDays(-1)));
    }

    [Fact]
    public void Detect_OneIncidentOutsideTheWindow_BelowThresholdNothing()
    {
        var incidents = new[] { Incident(1, Mail), Incident(2, Mail), Incident(7.5, Mail) };

        CandidateDetector.Detect(incidents, [], Settings, Now).ShouldBeEmpty();
    }

    [Fact]
    public void Detect_SameCategoryAcrossServices_CategoryCandidateOnTheCommonestService()
    {
        var incidents = new[] { Incident(1, Mail, category: "Login"), Incident(2, Vpn, category: "login "), Incident(3, Vpn, category: "LOGIN") };

        var proposal = CandidateDetector.Detect(incidents, [], Settings, Now).ShouldHaveSingleItem();

        (proposal.Group, proposal.Key, proposal.ServiceId).ShouldBe((CandidateGroup.Category, "login", Vpn));
    }

    [Fact]
    public void Detect_CiGroupCoversTheServiceGroup_OnlyTheMoreSpecificCi()
    {
        var incidents = new[] { Incident(1, Mail, Exchange), Incident(2, Mail, Exchange), Incident(3, Mail, Exchange) };

        var proposal = CandidateDetector.Detect(incidents, [], Settings, Now).ShouldHaveSingleItem();

        (proposal.Group, proposal.ConfigurationItemId).ShouldBe((CandidateGroup.ConfigurationItem, (Guid?)Exchange));
    }

    [Fact]
    public void Detect_GroupWithOpenCandidate_RefreshesItInsteadOfADuplicate()
    {
        var incidents = new[] { Incident(1, Mail), Incident(2, Mail), Incident(3, Mail), Incident(0.1, Mail) };
        var earlier = incidents.Take(3).Select(i => i.Id).ToList();
        var open = new KnownCandidate(Guid.NewGuid(), CandidateGroup.Service, Mail.ToString("N"), CandidateState.Open, null, earlier);

        var proposal = CandidateDetector.Detect(incidents, [open], Settings, Now).ShouldHaveSingleItem();

        proposal.OpenCandidateId.ShouldBe(open.Id);
        proposal.IncidentIds.ShouldBe(incidents.Select(i => i.Id), ignoreOrder: true);
    }

    [Fact]
    public void Detect_GroupDismissed_ComesBackOnlyWithEnoughIncidentsAfterTheDismissal()
    {
        var before = new[] { Incident(5, Mail), Incident(4, Mail), Incident(3, Mail) };
        var dismissed = new KnownCandidate(Guid.NewGuid(), CandidateGroup.Service, Mail.ToString("N"), CandidateState.Dismissed, Now.AddDays(-2.5),
            before.Select(i => i.Id).ToList());
        var after = new[] { Incident(2, Mail), Incident(1, Mail) };

        CandidateDetector.Detect([.. before, .. after], [dismissed], Settings, Now).ShouldBeEmpty();

        var third = Incident(0.5, Mail);
        CandidateDetector.Detect([.. before, .. after, third], [dismissed], Settings, Now).ShouldHaveSingleItem()
            .IncidentIds.ShouldBe([.. after.Select(i => i.Id), third.Id], ignoreOrder: true);
    }

    [Fact]
    public void Detect_CiCandidateDismissed_ItsIncidentsMakeNoServiceCandidate()
    {
        var incidents = new[] { Incident(3, Mail, Exchange), Incident(2, Mail, Exchange), Incident(1, Mail, Exchange), Incident(0.5, Mail) };
        var dismissed = new KnownCandidate(Guid.NewGuid(), CandidateGroup.ConfigurationItem, Exchange.ToString("N"), CandidateState.Dismissed,
            Now.AddHours(-1), incidents.Take(3).Select(i => i.Id).ToList());

        CandidateDetector.Detect(incidents, [dismissed], Settings, Now).ShouldBeEmpty();
    }
}

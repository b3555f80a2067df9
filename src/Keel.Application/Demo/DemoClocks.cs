using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// The clocks of the seeded history, computed in memory as ClockTracker would have kept them save by save: the policy
/// that matches each item's priority, kind, service, business unit and team, read by <see cref="ClockEngine"/> from the
/// item's own state changes and first response at the seed's now. Breaches and warnings in the history are old news:
/// they are marked announced, so the timer job does not send a year of breach notices on the first start.
/// </summary>
internal sealed class DemoClocks
{
    private readonly IReadOnlyList<ServiceLevelPolicy> _policies;
    private readonly Dictionary<Guid, BusinessCalendar> _calendars;
    private readonly Dictionary<Guid, BusinessClock> _clocks;
    private readonly Dictionary<Guid, IReadOnlyList<ClockTerms>> _terms;
    private readonly Dictionary<Guid, Guid?> _unitOf;
    private readonly DemoRandom _ids = new(DemoSeedContext.Seed + 4);

    public DemoClocks(DemoSeedContext context)
    {
        var seed = context.ServiceLevels ?? throw new InvalidOperationException("The service-levels step runs first.");
        var organization = context.Organization ?? throw new InvalidOperationException("The organization step runs first.");
        _policies = seed.Policies;
        _calendars = seed.Calendars.ToDictionary(c => c.Id);
        _clocks = seed.Calendars.ToDictionary(c => c.Id, c => new BusinessClock(c.Hours));
        _terms = seed.Policies.ToDictionary(p => p.Id, p => (IReadOnlyList<ClockTerms>)[.. p.Terms(_calendars[p.CalendarId].Hours)]);
        _unitOf = organization.People.ToDictionary(p => p.Id, p => p.BusinessUnitId);
    }

    /// <summary>Every item's clocks as of <paramref name="now"/>; sets each item's SLA status and due time to match.</summary>
    public List<ServiceLevelClock> Compute(IEnumerable<WorkItem> items, DateTime now)
    {
        var clocks = new List<ServiceLevelClock>();
        foreach (var item in items)
        {
            var subject = PolicySubject.Of(item, _unitOf.GetValueOrDefault(item.RequestedForId ?? item.RequesterId));
            if (ServiceLevelPolicy.Pick(_policies, subject.Agreement, subject) is not { } policy)
            {
                continue;
            }
            var history = ClockHistory.From(item.Events, item.FirstRespondedAt);
            var own = new List<ServiceLevelClock>(2);
            foreach (var terms in _terms[policy.Id])
            {
                var clock = new ServiceLevelClock { Id = _ids.NextGuid() };
                clock.AttachTo(item, policy, terms, _calendars[policy.CalendarId].Revision);
                clock.Apply(ClockEngine.Read(terms, history, _clocks[policy.CalendarId], now), now);
                clock.MarkAnnounced();
                own.Add(clock);
            }
            SlaSummary.Apply(item, own);
            clocks.AddRange(own);
        }
        return clocks;
    }
}

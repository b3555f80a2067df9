using Keel.Domain.Experience;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Services;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// The surveys of the seeded history, issued as the survey job issues them: a few minutes after an incident is resolved
/// or a request fulfilled, to the requester (or the person it was raised for), for the service's sample rate of items.
/// About a third are answered within a few days, through <see cref="Survey.Answer"/> itself; the rating depends on the
/// service (<see cref="DemoServiceProfiles"/>) and on what happened to the item: a breached SLA or a reopen costs a point
/// or more. Surveys the demo requesters were sent in the last <see cref="Survey.DefaultLifetime"/> are left for them to answer.
/// </summary>
internal sealed class DemoSurveys
{
    /// <summary>24 random bytes are 32 base64url characters: <see cref="Survey.TokenLength"/>.</summary>
    private const int TokenBytes = Survey.TokenLength * 3 / 4;

    private static readonly TimeSpan FirstAnswer = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LastAnswer = TimeSpan.FromDays(4);

    private static readonly string[] Praise =
    [
        "Quick and friendly, thank you!",
        "Fixed on the first call.",
        "Sorted out before I had finished my coffee.",
        "Clear explanation of what went wrong.",
        "Very helpful, it works again.",
        "Great service, as always.",
        "Thanks for calling me back so fast.",
        "Easy to ask for and done the same day.",
        "The agent stayed on until it really worked.",
        "Kept me informed the whole time.",
    ];

    private static readonly string[] Mixed =
    [
        "Fixed in the end, but it took a few days.",
        "OK, though I had to explain the problem twice.",
        "Works now; nobody told me what the cause was.",
        "Fine, but the form was hard to fill in.",
        "Solved, but I was passed between teams.",
        "Took longer than I hoped.",
    ];

    private static readonly string[] Complaints =
    [
        "Took far too long, I could not work for two days.",
        "Closed without asking me if it worked. It did not.",
        "I had to chase this three times.",
        "The same problem came back the next day.",
        "Nobody called me back.",
        "Still slow, nothing has really changed.",
        "I was sent from one team to the next.",
        "The answer did not help at all.",
    ];

    private readonly HistoryWorld _world;
    private readonly IReadOnlyDictionary<Guid, Service> _services;
    private readonly IReadOnlySet<Guid> _demoRequesters;

    // Sequences of their own, so the rest of the seed draws the same data with or without surveys.
    private readonly DemoRandom _ids = new(DemoSeedContext.Seed + 7);
    private readonly DemoRandom _random = new(DemoSeedContext.Seed + 8);

    public DemoSurveys(HistoryWorld world, IEnumerable<Service> services, IReadOnlySet<Guid> demoRequesters)
    {
        _world = world;
        _services = services.ToDictionary(s => s.Id);
        _demoRequesters = demoRequesters;
    }

    /// <summary>A survey for each sampled incident and request that ended resolved or fulfilled, in the items' order.</summary>
    public List<Survey> Issue(IEnumerable<WorkItem> items)
    {
        var surveys = new List<Survey>();
        foreach (var item in items)
        {
            if (item.Kind is not (WorkKind.Incident or WorkKind.Request) || item.ResolvedAt is not { } resolved
                || item.State is not (WorkState.Resolved or WorkState.Fulfilled or WorkState.Closed))
            {
                continue;
            }
            var service = _services[item.ServiceId];
            var sent = resolved + TimeSpan.FromSeconds(60 + _random.Next(240));
            if (sent > _world.Now || !_random.Chance((double)service.SurveySampleRate))
            {
                continue;
            }
            var survey = new Survey
            {
                Id = _ids.NextGuid(), WorkItemId = item.Id, ServiceId = service.Id, RecipientId = item.RequestedForId ?? item.RequesterId,
                Token = _ids.Token(TokenBytes), SentAt = sent, ExpiresAt = sent + Survey.DefaultLifetime,
            };
            Answer(survey, item, DemoServiceProfiles.Of(service.Name));
            surveys.Add(survey);
        }
        return surveys;
    }

    private void Answer(Survey survey, WorkItem item, DemoServiceProfiles.Profile profile)
    {
        var breached = item.SlaStatus == SlaStatus.Breached;
        // Those it went wrong for answer a little more often.
        if (!_random.Chance(profile.ResponseRate + (breached || item.ReopenCount > 0 ? 0.08 : 0)))
        {
            return;
        }
        var at = _world.WorkingTime(survey.RecipientId, survey.SentAt + _random.Between(FirstAnswer, LastAnswer), _random);
        var leftForTheDemo = _demoRequesters.Contains(survey.RecipientId) && survey.StatusAt(_world.Now) == SurveyStatus.Open;
        if (at > _world.Now || at >= survey.ExpiresAt || leftForTheDemo)
        {
            return;
        }
        var mean = profile.Satisfaction - (breached ? 0.9 : 0) - Math.Min(item.ReopenCount, 2);
        var rating = (int)Math.Clamp(Math.Round(mean + (0.85 * Gaussian())), Survey.LowestRating, Survey.HighestRating);
        var (comments, chance) = rating switch { >= 4 => (Praise, 0.3), 3 => (Mixed, 0.35), _ => (Complaints, 0.5) };
        var comment = _random.Chance(chance) ? _random.Pick(comments) : null;
        if (survey.Answer(rating, comment, at) is { } error)
        {
            throw new InvalidOperationException($"The demo answer to the survey of {item.Number} was refused: {error.Message}");
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}

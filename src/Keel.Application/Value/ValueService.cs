using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Value;

namespace Keel.Application.Value;

/// <summary>A service's Experience &amp; value tab in one read: the period's figures and the months up to its end.</summary>
public sealed record ServiceValuePage(ServiceValueView Value, IReadOnlyList<ServiceMonthView> Trend);

/// <summary>
/// "What is the experience of this service, and is it delivering value?" for a period, read from the value rollup and the
/// portfolio (never from a scan of the work). The IT leader, executives and admins read every service, a service owner
/// reads cost and value of their own and experience of the others, IT staff read experience only, requesters nothing.
/// </summary>
public sealed class ValueService(ICurrentUser user, ValueInputs inputs)
{
    /// <summary>The months a service's trend shows by default.</summary>
    public const int TrendMonths = 12;

    public async Task<Result<ServiceValueView>> GetAsync(Guid serviceId, Period period, CancellationToken ct)
    {
        var reader = await ReaderAsync(serviceId, ct);
        return reader.IsSuccess ? await ValueAsync(reader.Value!, period, ct) : reader.Error!;
    }

    /// <summary>The service's figures month by month over the <see cref="TrendMonths"/> months up to and including <paramref name="lastMonth"/>.</summary>
    public async Task<Result<IReadOnlyList<ServiceMonthView>>> TrendAsync(Guid serviceId, DateOnly lastMonth, CancellationToken ct)
    {
        var reader = await ReaderAsync(serviceId, ct);
        return reader.IsSuccess ? Result<IReadOnlyList<ServiceMonthView>>.Ok(await TrendAsync(reader.Value!, lastMonth, ct)) : reader.Error!;
    }

    /// <summary>The period's figures and the trend up to its last month, reading the portfolio once (the service page's tab).</summary>
    public async Task<Result<ServiceValuePage>> PageAsync(Guid serviceId, Period period, CancellationToken ct)
    {
        var reader = await ReaderAsync(serviceId, ct);
        if (!reader.IsSuccess)
        {
            return reader.Error!;
        }
        return new ServiceValuePage(await ValueAsync(reader.Value!, period, ct), await TrendAsync(reader.Value!, period.To.AddDays(-1), ct));
    }

    /// <summary>One service as this caller reads it: the portfolio, the service, and whether cost and value are theirs to see.</summary>
    private sealed record Reader(Portfolio Portfolio, ServiceEntry Service, bool Finance);

    private async Task<Result<Reader>> ReaderAsync(Guid serviceId, CancellationToken ct)
    {
        if (!ValueAccess.ReadsExperience(user))
        {
            return Error.Forbidden("Experience and value are for IT staff and leaders.");
        }
        var portfolio = await inputs.PortfolioAsync(ct);
        if (portfolio.Services.FirstOrDefault(s => s.Id == serviceId) is not { } service)
        {
            return Error.NotFound("The service");
        }
        return new Reader(portfolio, service, ValueAccess.AudienceOf(user, service.OwnerId) == ValueAudience.Finance);
    }

    private async Task<ServiceValueView> ValueAsync(Reader reader, Period period, CancellationToken ct)
    {
        var figures = await inputs.FiguresAsync(period, ct);
        var tickets = await inputs.UnitTicketsAsync(period, reader.Service.Id, ct);
        return ValueComposer.Compose(reader.Portfolio, reader.Service, period, figures, tickets, reader.Finance);
    }

    private async Task<IReadOnlyList<ServiceMonthView>> TrendAsync(Reader reader, DateOnly lastMonth, CancellationToken ct)
    {
        var (portfolio, serviceId) = (reader.Portfolio, reader.Service.Id);
        var last = Period.MonthOf(lastMonth);
        var span = new Period(last.From.AddMonths(1 - TrendMonths), last.To);
        var monthly = await inputs.MonthlyAsync(span, ct);
        return span.Months().Select(m =>
        {
            var all = monthly[m.From];
            var f = all.GetValueOrDefault(serviceId) ?? ServiceFigures.None;
            var experience = Domain.Experience.ExperienceScore.Compute(f.Experience, portfolio.Weights);
            var cost = reader.Finance ? ValueComposer.Major(portfolio.Costs(m, all)[serviceId].TotalMinor) : (decimal?)null;
            var enabled = reader.Finance ? ValueComposer.Major(portfolio.EnabledMinor(serviceId, m)) : (decimal?)null;
            return new ServiceMonthView(m.From, experience.Score, experience.Satisfaction, f.SlaAttainment, cost, enabled, f.Raised);
        }).ToList();
    }
}

using Keel.Application.Platform;
using Keel.Application.Platform.Export;
using Keel.Domain.Platform;
using Keel.Domain.Value;

namespace Keel.Application.Value;

/// <summary>
/// Service cost and its showback per business unit for a period, as a spreadsheet for finance: one row per service and
/// consuming unit, and a row for what IT keeps when the consumers' shares do not cover the whole cost. The IT leader,
/// executives and admins export every service; a service owner only their own.
/// </summary>
public sealed class ShowbackExport(ICurrentUser user, ValueInputs inputs)
{
    private static readonly string[] Headers =
        ["Service", "Period from", "Period to", "Currency", "Service cost", "Labour", "Fixed", "Shared", "Business unit", "Basis", "Share", "Showback"];

    /// <param name="serviceId">One service only (its page's export); null for every service the caller may see.</param>
    public async Task<Result<ExportFile>> ExportAsync(Period period, SpreadsheetFormat format, Guid? serviceId, CancellationToken ct)
    {
        var all = ValueAccess.ReadsAllFinance(user);
        if (!all && !user.IsInRole(Roles.ServiceOwner))
        {
            return Error.Forbidden("Cost and showback are for the IT leader, executives, admins and service owners.");
        }
        var portfolio = await inputs.PortfolioAsync(ct);
        var figures = await inputs.FiguresAsync(period, ct);
        var tickets = await inputs.UnitTicketsAsync(period, null, ct);
        var costs = portfolio.Costs(period, figures);
        var table = new SpreadsheetTable(Headers);
        foreach (var service in portfolio.Services.Where(s => (all || s.OwnerId == user.UserId) && (serviceId is null || s.Id == serviceId)))
        {
            var view = ValueComposer.Compose(portfolio, service, period, figures, tickets, finance: true, costs);
            var cost = view.Cost!;
            object?[] head = [service.Name, period.From, period.To.AddDays(-1), view.Currency, cost.Total, cost.Labour, cost.Fixed, cost.Shared];
            foreach (var part in view.Consumption!)
            {
                var basis = portfolio.Consumers[service.Id].First(c => c.BusinessUnitId == part.BusinessUnit.Id).Basis;
                table.Add([.. head, part.BusinessUnit.Name, basis.ToString(), part.Share, part.Showback]);
            }
            var kept = cost.Total - view.Consumption!.Sum(p => p.Showback);
            if (kept != 0m || view.Consumption!.Count == 0)
            {
                table.Add([.. head, "IT (not shown back)", "", Math.Round(cost.Total == 0m ? 0m : kept / cost.Total, 6), kept]);
            }
        }
        return table.Write(format, $"showback-{period.From:yyyy-MM-dd}-{period.To.AddDays(-1):yyyy-MM-dd}");
    }
}

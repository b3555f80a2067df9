using System.Text;
using Keel.Application.Platform.Export;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Value;
using Keel.Domain.Platform;
using Keel.Domain.Value;

namespace Keel.Application.Tests.Value;

public sealed class ValueServiceTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceDay Day(Guid service, DateOnly day, int raised = 0, int resolved = 0, int reopened = 0, int firstContact = 0, int interactions = 0,
        int resolutionMet = 0, int resolutionBreached = 0, int sent = 0, int responses = 0, int ratingSum = 0, long labourMinor = 0) => new()
    {
        ServiceId = service, Day = day, Raised = raised, Resolved = resolved, Reopened = reopened, FirstContact = firstContact, Interactions = interactions,
        ResolutionMet = resolutionMet, ResolutionBreached = resolutionBreached, SlaMet = resolutionMet, SlaBreached = resolutionBreached,
        SurveysSent = sent, Responses = responses, RatingSum = ratingSum, LabourMinutes = labourMinor / 100, LabourMinor = labourMinor,
    };

    private static async Task<ValueFiguresWorld> OctoberAsync(TestDatabase database)
    {
        var world = await ValueFiguresWorld.CreateAsync(database);
        await world.AddDaysAsync(
            Day(world.Crm.Id, new DateOnly(2026, 10, 3), raised: 6, resolved: 4, reopened: 1, firstContact: 2, interactions: 8, resolutionMet: 3, resolutionBreached: 1,
                sent: 4, responses: 2, ratingSum: 8, labourMinor: 50_000),
            Day(world.Crm.Id, new DateOnly(2026, 10, 20), raised: 2, labourMinor: 25_000),
            Day(world.Erp.Id, new DateOnly(2026, 10, 5), raised: 2),
            // Outside October: must not count.
            Day(world.Crm.Id, new DateOnly(2026, 11, 1), raised: 50, resolved: 50, labourMinor: 9_999_999));
        await world.AddUnitDaysAsync(
            new ServiceUnitDay { ServiceId = world.Crm.Id, Day = new DateOnly(2026, 10, 3), BusinessUnitId = world.Finance.Id, Raised = 5 },
            new ServiceUnitDay { ServiceId = world.Crm.Id, Day = new DateOnly(2026, 10, 3), BusinessUnitId = world.Sales.Id, Raised = 1 });
        return world;
    }

    [Theory, DatabaseData]
    public async Task Value_Leader_GetsCostOutcomesValueAndShowbackWorkedOutOnPaper(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        var view = (await world.ValueAsync(world.Leader, world.Crm, ValueFiguresWorld.October)).Value!;

        // Labour 500 + 250; fixed 3,100; the tickets pool of 1,000 split 8 : 2 between CRM and ERP.
        view.Cost!.ShouldBe(new CostFiguresView(Total: 4_650m, Labour: 750m, Fixed: 3_100m, Shared: 800m, PerTicket: 581.25m, PerUser: 1_162.5m));
        // 365,000 a year × 40 % × 31 / 365 days.
        view.Outcomes!.Single().ValueInPeriod.ShouldBe(12_400m);
        view.Value!.ShouldBe(new ValueFiguresView(12_400m, 2.67m));
        // Sales has a fixed half; Finance the other half as the only unit measured by tickets.
        view.Consumption!.Select(c => (c.BusinessUnit.Name, c.Share, c.Showback)).ShouldBe([("Finance", 0.5m, 2_325m), ("Sales", 0.5m, 2_325m)]);
        view.Experience.ShouldBe(new ExperienceFiguresView(
            Score: Domain.Experience.ExperienceScore.Compute(new(2, 8, 4, 1, 2, 8, 3, 1), new Domain.Experience.ExperienceWeights()).Score,
            Target: 80, Satisfaction: 4m, Responses: 2, ResponseRate: 0.5m, ReopenRate: 0.25m, FirstContactResolution: 0.5m, WithinSla: 0.75m, Effort: 2m));
        view.SlaAttainment.ShouldBe(0.75m);
        view.Statement.ShouldStartWith("CRM enables €365k of revenue a year (40 % attributed); it cost €4.7k in October 2026; satisfaction 4.0 of 5 from 2 responses;");
    }

    [Theory, DatabaseData]
    public async Task Value_Agent_SeesExperienceButNoCost(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        var view = (await world.ValueAsync(world.Agent, world.Crm, ValueFiguresWorld.October)).Value!;

        view.Experience.Satisfaction.ShouldBe(4m);
        view.Cost.ShouldBeNull();
        view.Outcomes.ShouldBeNull();
        view.Value.ShouldBeNull();
        view.Consumption.ShouldBeNull();
        view.Statement.ShouldNotContain("€");
    }

    [Theory, DatabaseData]
    public async Task Value_ServiceOwner_SeesCostOfOwnServicesOnly(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        (await world.ValueAsync(world.Owner, world.Crm, ValueFiguresWorld.October)).Value!.Cost.ShouldNotBeNull();
        (await world.ValueAsync(world.Owner, world.Erp, ValueFiguresWorld.October)).Value!.Cost.ShouldBeNull();
    }

    [Theory, DatabaseData]
    public async Task Value_Requester_IsRefused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        (await world.ValueAsync(world.Requester, world.Crm, ValueFiguresWorld.October)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await world.RunAsync(world.Requester, (_, c, _, _) => c.GetAsync(ValueFiguresWorld.October, Ct))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Theory, DatabaseData]
    public async Task Trend_GroupsTheRollupByCalendarMonth(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        var trend = (await world.RunAsync(world.Leader, (v, _, _, _) => v.TrendAsync(world.Crm.Id, new DateOnly(2026, 11, 15), Ct))).Value!;

        trend.Count.ShouldBe(ValueService.TrendMonths);
        trend[^1].Month.ShouldBe(new DateOnly(2026, 11, 1));
        trend[^1].Raised.ShouldBe(50);
        trend[^2].Raised.ShouldBe(8);
        trend[^2].Satisfaction.ShouldBe(4m);
        trend[^2].Cost.ShouldBe(4_650m);
        trend[^3].Raised.ShouldBe(0);
        trend[^3].Score.ShouldBeNull();
    }

    [Theory, DatabaseData]
    public async Task Page_IsTheValueAndTheTrendOfTheSamePeriod(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        var page = (await world.RunAsync(world.Owner, (v, _, _, _) => v.PageAsync(world.Crm.Id, ValueFiguresWorld.October, Ct))).Value!;
        var value = (await world.ValueAsync(world.Owner, world.Crm, ValueFiguresWorld.October)).Value!;
        var trend = (await world.RunAsync(world.Owner, (v, _, _, _) => v.TrendAsync(world.Crm.Id, new DateOnly(2026, 10, 31), Ct))).Value!;

        page.Value.ShouldBeEquivalentTo(value);
        page.Trend.ShouldBe(trend);
        page.Trend[^1].Month.ShouldBe(new DateOnly(2026, 10, 1));
        (await world.RunAsync(world.Requester, (v, _, _, _) => v.PageAsync(world.Crm.Id, ValueFiguresWorld.October, Ct))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Theory, DatabaseData]
    public async Task Cockpit_RanksByValueAndShowsSpendByUnitThatAddsUp(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        var cockpit = (await world.RunAsync(world.Executive, (_, c, _, _) => c.GetAsync(ValueFiguresWorld.October, Ct))).Value!;

        cockpit.Services.Select(s => s.Service.Name).ShouldBe(["CRM", "ERP"]);
        cockpit.Services[0].Cost.ShouldBe(4_650m);
        // ERP: 620 fixed + 200 of the pool.
        cockpit.Services[1].Cost.ShouldBe(820m);
        cockpit.Totals.Cost.ShouldBe(5_470m);
        cockpit.Months.Single().Cost.ShouldBe(5_470m);
        // ERP has no consumers, so its cost stays with IT; CRM's is shown back whole.
        cockpit.SpendByUnit.Sum(u => u.Showback).ShouldBe(4_650m);
    }

    [Theory, DatabaseData]
    public async Task Showback_Csv_HasARowPerConsumerAndOwnersGetOnlyTheirs(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        var leader = (await world.RunAsync(world.Leader, (_, _, e, _) => e.ExportAsync(ValueFiguresWorld.October, SpreadsheetFormat.Csv, null, Ct))).Value!;
        var owner = (await world.RunAsync(world.Owner, (_, _, e, _) => e.ExportAsync(ValueFiguresWorld.October, SpreadsheetFormat.Csv, null, Ct))).Value!;
        var agent = await world.RunAsync(world.Agent, (_, _, e, _) => e.ExportAsync(ValueFiguresWorld.October, SpreadsheetFormat.Csv, null, Ct));

        var lines = Encoding.UTF8.GetString(leader.Content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1 + 2 + 1);
        lines.ShouldContain("CRM,2026-10-01,2026-10-31,EUR,4650,750,3100,800,Finance,Tickets,0.5,2325");
        lines.ShouldContain(l => l.StartsWith("ERP,", StringComparison.Ordinal) && l.Contains("IT (not shown back)", StringComparison.Ordinal));
        Encoding.UTF8.GetString(owner.Content).ShouldNotContain("ERP");
        agent.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Theory, DatabaseData]
    public async Task Showback_ForOneService_HasOnlyItsRows(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        var crm = (await world.RunAsync(world.Leader, (_, _, e, _) => e.ExportAsync(ValueFiguresWorld.October, SpreadsheetFormat.Csv, world.Crm.Id, Ct))).Value!;

        var lines = Encoding.UTF8.GetString(crm.Content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Skip(1).ShouldAllBe(l => l.StartsWith("CRM,", StringComparison.Ordinal));
        lines.Length.ShouldBe(1 + 2);
    }

    [Theory, DatabaseData]
    public async Task Showback_Xlsx_IsASpreadsheet(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);

        var file = (await world.RunAsync(world.Leader, (_, _, e, _) => e.ExportAsync(ValueFiguresWorld.October, SpreadsheetFormat.Xlsx, null, Ct))).Value!;

        file.FileName.ShouldBe("showback-2026-10-01-2026-10-31.xlsx");
        file.Content[..2].ShouldBe("PK"u8.ToArray());
        using var stream = new MemoryStream(file.Content);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(3);
        rows.ShouldContain(r => (string)r["Business unit"] == "Sales" && Convert.ToDecimal(r["Showback"]) == 2_325m);
    }

    [Theory, DatabaseData]
    public async Task Weights_ChangeTheScoreAndRefuseStaleOrBadUpdates(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await OctoberAsync(database);
        var onlySatisfaction = new ExperienceWeightsDraft(1, 0, 0, 0, 0);

        var saved = await world.RunAsync(world.Leader, (_, _, _, s) => s.UpdateAsync(onlySatisfaction, 0, Ct));
        var stale = await world.RunAsync(world.Leader, (_, _, _, s) => s.UpdateAsync(onlySatisfaction, 0, Ct));
        var zero = await world.RunAsync(world.Leader, (_, _, _, s) => s.UpdateAsync(new ExperienceWeightsDraft(0, 0, 0, 0, 0), saved.Value!.Version, Ct));
        var agent = await world.RunAsync(world.Agent, (_, _, _, s) => s.UpdateAsync(onlySatisfaction, saved.Value!.Version, Ct));

        saved.IsSuccess.ShouldBeTrue();
        stale.Error!.Kind.ShouldBe(ErrorKind.ConcurrencyConflict);
        zero.Error!.Fields!.Keys.ShouldContain("weights");
        agent.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        // Mean rating 4 alone: (4 − 1) / 4 = 75.
        (await world.ValueAsync(world.Agent, world.Crm, ValueFiguresWorld.October)).Value!.Experience.Score.ShouldBe(75m);
    }
}

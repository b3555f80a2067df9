using Keel.Domain.Changes;

namespace Keel.Domain.Tests.Changes;

public sealed class ChangeConflictsTests
{
    private static readonly ChangeTargetRef Database = new(Guid.NewGuid(), "db01", IsService: false);
    private static readonly ChangeTargetRef WebServer = new(Guid.NewGuid(), "web01", IsService: false);
    private static readonly ChangeTargetRef Payroll = new(Guid.NewGuid(), "Payroll", IsService: true);
    private static readonly ChangeTargetRef Email = new(Guid.NewGuid(), "Email", IsService: true);

    private static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    private static PlannedChange Change(string number, DateTime start, DateTime end, params ChangeTargetRef[] targets) =>
        new(Guid.NewGuid(), number, $"Work on {number}", new TimeRange(start, end), targets);

    private static ChangeWindow Freeze(string name, DateTime start, DateTime end, params Guid[] services) =>
        new() { Kind = ChangeWindowKind.Freeze, Name = name, StartsAt = start, EndsAt = end, ServiceIds = [.. services] };

    private static ChangeWindow Maintenance(string name, DateTime start, DateTime end, params Guid[] cis) =>
        new() { Kind = ChangeWindowKind.Maintenance, Name = name, StartsAt = start, EndsAt = end, ConfigurationItemIds = [.. cis] };

    [Fact]
    public void Overlap_SameCiAtTheSameTime_NamesTheOtherChange()
    {
        var change = Change("CHG0000001", At(10, 20), At(10, 22), Database, Payroll);
        var other = Change("CHG0000002", At(10, 21), At(10, 23), Database);
        var elsewhere = Change("CHG0000003", At(10, 21), At(10, 23), WebServer);
        var later = Change("CHG0000004", At(10, 22), At(10, 23), Database);

        var conflicts = ChangeConflicts.Of(change, [other, elsewhere, later, change], []);

        var conflict = conflicts.ShouldHaveSingleItem();
        conflict.Kind.ShouldBe(ConflictKind.Overlap);
        conflict.OtherChange.ShouldBe("CHG0000002");
        conflict.Message.ShouldContain("CHG0000002");
        conflict.Message.ShouldContain("db01");
    }

    [Fact]
    public void Overlap_SameServiceAtTheSameTime_IsAConflict()
    {
        var change = Change("CHG0000001", At(10, 20), At(10, 22), Payroll);
        var other = Change("CHG0000002", At(10, 19), At(10, 21), WebServer, Payroll);

        ChangeConflicts.Of(change, [other], []).ShouldHaveSingleItem().Message.ShouldContain("the service Payroll");
    }

    [Fact]
    public void Freeze_CoveringEverythingOrOneOfTheChangesServices_IsAConflictNamingTheWindow()
    {
        var change = Change("CHG0000001", At(10, 20), At(10, 22), Payroll, Database);
        var yearEnd = Freeze("Year-end close", At(10, 0), At(11, 0));
        var payrollRun = Freeze("Payroll run", At(10, 21), At(10, 23), Payroll.Id);
        var emailOnly = Freeze("Email migration", At(10, 0), At(11, 0), Email.Id);
        var before = Freeze("Earlier freeze", At(9, 0), At(10, 20));

        var conflicts = ChangeConflicts.Of(change, [], [yearEnd, payrollRun, emailOnly, before]);

        conflicts.ShouldAllBe(c => c.Kind == ConflictKind.Freeze);
        conflicts.Select(c => c.WindowName).ShouldBe(["Year-end close", "Payroll run"]);
        conflicts[0].Message.ShouldContain("'Year-end close'");
    }

    [Fact]
    public void OutsideMaintenance_ChangeRunsPastItsCisWindow_IsAConflict()
    {
        var window = Maintenance("db01 Tuesday night", At(10, 20), At(10, 23), Database.Id);
        var inside = Change("CHG0000001", At(10, 20), At(10, 23), Database);
        var pastEnd = Change("CHG0000002", At(10, 22), At(11, 0), Database);
        var noWindows = Change("CHG0000003", At(12, 10), At(12, 12), WebServer);

        ChangeConflicts.Of(inside, [], [window]).ShouldBeEmpty();
        ChangeConflicts.Of(noWindows, [], [window]).ShouldBeEmpty();
        var conflict = ChangeConflicts.Of(pastEnd, [], [window]).ShouldHaveSingleItem();
        conflict.Kind.ShouldBe(ConflictKind.OutsideMaintenance);
        conflict.WindowName.ShouldBe("db01 Tuesday night");
        conflict.Message.ShouldContain("db01");
    }

    [Fact]
    public void OutsideMaintenance_BackToBackWindowsCoverTheChange_IsNoConflict()
    {
        var first = Maintenance("Evening", At(10, 18), At(10, 22), Database.Id);
        var second = Maintenance("Night", At(10, 22), At(11, 4), Database.Id);

        ChangeConflicts.Of(Change("CHG0000001", At(10, 20), At(11, 2), Database), [], [first, second]).ShouldBeEmpty();
        ChangeConflicts.Of(Change("CHG0000002", At(10, 20), At(11, 5), Database), [], [first, second]).ShouldHaveSingleItem();
    }

    [Fact]
    public void Freezes_WindowOnAnotherService_DoesNotCoverTheChange()
    {
        var change = Change("CHG0000001", At(10, 20), At(10, 22), Payroll);

        ChangeConflicts.Freezes(change, [Freeze("Email migration", At(10, 0), At(11, 0), Email.Id)]).ShouldBeEmpty();
        ChangeConflicts.Freezes(change, [Freeze("Payroll run", At(10, 0), At(11, 0), Payroll.Id)]).ShouldHaveSingleItem();
    }
}

using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Work;

public sealed class WorkSearchTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Terms_SearchSyntaxAndPunctuation_OnlyLowerCaseWords() =>
        WorkSearch.Terms("\"Printer\" OR jam* -- NEAR(x) ünïcode 42").ShouldBe(["printer", "or", "jam", "near", "x", "ünïcode", "42"]);

    [Theory, DatabaseData]
    public async Task List_WithQ_EveryWordAsPrefixThroughTheIndexAndFollowsEdits(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var printer = (await world.RaiseAsync(world.Requester, "Printer on floor 3 jams")).Value!;
        await world.RaiseAsync(world.Requester, "Printing from Excel is slow");
        var vpn = (await world.RaiseAsync(world.Requester2, "VPN drops every hour")).Value!;

        async Task<IEnumerable<string>> Search(string q, Keel.Application.Platform.ICurrentUser? by = null) =>
            (await world.RunAsync(by ?? world.Agent, u => u.Work.ListAsync(WorkKind.Incident, new WorkFilter(Q: q), new PageRequest(Sort: "number"), Ct)))
            .Value!.Items.Select(i => i.Title);

        (await Search("print")).ShouldBe(["Printer on floor 3 jams", "Printing from Excel is slow"]);
        (await Search("printer JAMS")).ShouldBe(["Printer on floor 3 jams"]);
        (await Search("since morning")).Count().ShouldBe(3, "the description is searched too");
        (await Search("vpn", world.Requester)).ShouldBeEmpty();
        (await Search("\" OR 1=1 --")).ShouldBeEmpty();

        await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, vpn.Number, vpn.Version,
            new WorkPatch(Title: new(true, "Remote access gateway drops every hour")), Ct));
        (await Search("vpn")).ShouldBeEmpty();
        (await Search("gateway")).ShouldBe(["Remote access gateway drops every hour"]);
        printer.Number.ShouldBe("INC0000001");
    }
}

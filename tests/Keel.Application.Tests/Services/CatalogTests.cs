using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Services;

public sealed class CatalogTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static readonly JsonElement LaptopForm = Json("""
        { "fields": [
            { "key": "model", "label": "Model", "type": "Choice", "required": true, "options": ["Standard", "Other"] },
            { "key": "other_model", "label": "Which?", "type": "Text", "required": true, "showIf": { "field": "model", "values": ["Other"] } },
            { "key": "seats", "label": "Seats", "type": "Number", "min": 1, "max": 5 } ] }
        """);

    [Theory, DatabaseData]
    public async Task CatalogItem_Created_FormAndTasksRoundTripAndAnswersAreChecked(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("Workplace")).Value!;
        var tasks = Json($$"""[ { "title": "Prepare", "teamId": "{{world.Team.Id}}", "order": 1 } ]""");

        var created = await world.RunAsync(world.Owner, u => u.Catalog.CreateAsync(new CatalogItemDraft(service.Id, "New laptop", "A laptop.", LaptopForm,
            null, [world.Sales.Id], ApprovalNeed.RequesterManager, tasks, 72, null), Ct));
        var read = (await world.RunAsync(world.Owner, u => u.Catalog.GetAsync(created.Value!.Id, Ct))).Value!;
        var good = await world.RunAsync(world.Owner, u => u.Catalog.ValidateAnswersAsync(read.Id, Json("""{ "MODEL": "other", "other_model": "  X1  ", "seats": 2 }"""), Ct));
        var bad = await world.RunAsync(world.Owner, u => u.Catalog.ValidateAnswersAsync(read.Id, Json("""{ "model": "Other", "seats": 9 }"""), Ct));

        read.Form.Fields.Select(f => f.Key).ShouldBe(["model", "other_model", "seats"]);
        read.Form.Fields[1].ShowIf!.Values.ShouldBe(["Other"]);
        read.ForEveryone.ShouldBeFalse();
        read.BusinessUnitIds.ShouldBe([world.Sales.Id]);
        read.Tasks.ShouldHaveSingleItem().TeamId.ShouldBe(world.Team.Id);
        read.ExpectedDeliveryHours.ShouldBe(72);
        good.Value.GetRawText().ShouldBe("""{"model":"Other","other_model":"X1","seats":2}""");
        bad.Error!.Fields!.Keys.ShouldBe(["answers.other_model", "answers.seats"], ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task CatalogItem_BadFormDefinition_FieldErrorsAndNothingWritten(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("Workplace")).Value!;
        var form = Json("""
            { "fields": [
                { "key": "1bad", "label": "Bad key", "type": "Text" },
                { "key": "size", "label": "Size", "type": "Choice", "options": [] },
                { "key": "later", "label": "Later", "type": "Text", "showIf": { "field": "nowhere", "values": ["x"] } } ] }
            """);

        var result = await world.RunAsync(world.Owner, u => u.Catalog.CreateAsync(new CatalogItemDraft(service.Id, "Broken", "Broken form.", form,
            null, null, null, null, null, null), Ct));

        result.Error!.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Fields!.Keys.ShouldBe(["form.fields[0].key", "form.fields[1].options", "form.fields[2].showIf.field"], ignoreOrder: true);
        await using var db = database.NewDbContext();
        (await db.Set<CatalogItem>().CountAsync(Ct)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task CatalogItem_RequesterOfAnotherUnit_DoesNotSeeIt(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("Workplace")).Value!;
        await world.RunAsync(world.Owner, u => u.Portfolio.TransitionAsync(service.Id, null, new ServiceTransition(ServiceLifecycle.Live), Ct));
        var item = (await world.RunAsync(world.Owner, u => u.Catalog.CreateAsync(new CatalogItemDraft(service.Id, "Finance only", "For finance.", null,
            false, [world.Finance.Id], null, null, null, null), Ct))).Value!;
        var salesPerson = await Platform.PlatformData.AddUserAsync(database, "rita");
        await using (var db = database.NewDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == salesPerson.Id, Ct)).BusinessUnitId = world.Sales.Id;
            await db.SaveChangesAsync(Ct);
        }
        var requester = new TestUser("rita", salesPerson.Id, Roles.Requester);

        var seen = await world.RunAsync(requester, u => u.Catalog.GetPortalAsync(item.Id, Ct));
        var services = await world.RunAsync(requester, u => u.Portfolio.ListPortalAsync(null, new(), Ct));

        seen.Error!.Code.ShouldBe("not_found");
        services.Value!.Items.ShouldBeEmpty();
    }
}

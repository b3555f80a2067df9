using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Work;

public sealed class SavedViewTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static async Task<T> AsAsync<T>(WorkWorld world, ICurrentUser user, Func<SavedViewService, Task<T>> call)
    {
        await using var db = world.Database.NewDbContext(user);
        return await call(new SavedViewService(db, user, world.Database.Time));
    }

    private static Task<Result<SavedViewView>> SaveAsync(WorkWorld world, ICurrentUser user, string name, QueueView filter, Guid? team = null, bool? isDefault = null) =>
        AsAsync(world, user, s => s.CreateAsync(new SavedViewDraft(name, team, QueueViewDocument.ToJson(filter), isDefault), Ct));

    private static async Task<List<string>> NamesAsync(WorkWorld world, ICurrentUser user) =>
        (await AsAsync(world, user, s => s.ListAsync(new PageRequest(), Ct))).Value!.Items.Select(v => v.Name).ToList();

    /// <summary>A third agent only in Field Services, and the Service Desk's lead.</summary>
    private static async Task<(TestUser Outsider, TestUser Lead)> MorePeopleAsync(WorkWorld world)
    {
        var outsider = await PlatformData.AddUserAsync(world.Database, "agent3");
        var lead = await PlatformData.AddUserAsync(world.Database, "lead");
        await using var db = world.Database.NewDbContext();
        db.AddRange(new TeamMember { TeamId = world.Field.Id, UserId = outsider.Id }, new TeamMember { TeamId = world.Desk.Id, UserId = lead.Id });
        var desk = await db.Set<Team>().SingleAsync(t => t.Id == world.Desk.Id, Ct);
        desk.LeadId = lead.Id;
        await db.SaveChangesAsync(Ct);
        return (new TestUser("agent3", outsider.Id, Roles.Agent), new TestUser("lead", lead.Id, Roles.TeamLead));
    }

    [Theory, DatabaseData]
    public async Task Save_QueueFiltersAndSort_ListedForItsOwnerAndOpensAsTheirDefault(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var filter = new QueueView(WorkKind.Incident, WorkQueue.Mine, [WorkState.New, WorkState.InProgress], [1], [world.Service.Id], "payroll", "-priority");

        var saved = await SaveAsync(world, world.Agent, "  My P1s on Workplace ", filter, isDefault: true);

        saved.IsSuccess.ShouldBeTrue(saved.Error?.ToString());
        var view = saved.Value!;
        (view.Name, view.Owner.Name, view.Team, view.IsDefault, view.CanChange, view.CanDelete).ShouldBe(("My P1s on Workplace", "agent", null, true, true, true));
        view.Filter.SameAs(filter).ShouldBeTrue();
        view.Warnings.ShouldBeEmpty();
        (await NamesAsync(world, world.Agent)).ShouldBe(["My P1s on Workplace"]);
        (await NamesAsync(world, world.Agent2)).ShouldBeEmpty();
        var opened = (await AsAsync(world, world.Agent, s => s.GetDefaultAsync(Ct))).Value!;
        opened.Id.ShouldBe(view.Id);
        opened.Filter.Priorities.ShouldBe([1]);
        (await AsAsync(world, world.Agent2, s => s.GetDefaultAsync(Ct))).Value.ShouldBeNull();
    }

    [Theory, DatabaseData]
    public async Task Save_UnknownFieldsAndBadValues_RefusedWithAnErrorPerFieldAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var filter = Json("""{ "kind": "Incident", "queue": "Everyone", "priority": [1, 9], "state": ["Open"], "sort": "-salary", "colour": "red" }""");

        var refused = await AsAsync(world, world.Agent, s => s.CreateAsync(new SavedViewDraft("", world.Field.Id, filter, null), Ct));

        refused.Error!.Code.ShouldBe("validation_failed");
        refused.Error.Fields!.Keys.ShouldBe(["filter.colour", "filter.queue", "filter.state", "filter.priority", "filter.sort", "name", "team"], ignoreOrder: true);
        refused.Error.Fields["filter.priority"].ShouldBe(["must be numbers 1–4; '9' is not."]);
        var unknownService = Json($$"""{ "kind": "Task", "queue": "Unassigned", "service": ["{{Guid.NewGuid()}}"] }""");
        (await AsAsync(world, world.Agent, s => s.CreateAsync(new SavedViewDraft("Tasks", null, unknownService, null), Ct)))
            .Error!.Fields!.Keys.ShouldBe(["filter.service"]);
        (await AsAsync(world, world.Agent, s => s.CreateAsync(new SavedViewDraft("Tasks", null, Json("""{ "schema": 2 }"""), null), Ct)))
            .Error!.Fields!.Keys.ShouldBe(["filter.schema"]);
        (await NamesAsync(world, world.Agent)).ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task SharedView_SeenByTheTeamOnly_ChangedOnlyByItsAuthor(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var (outsider, _) = await MorePeopleAsync(world);
        var shared = (await SaveAsync(world, world.Agent, "Desk P1s", new QueueView(Queue: WorkQueue.MyTeams, Priority: [1]), world.Desk.Id)).Value!;
        await SaveAsync(world, world.Agent, "Mine", new QueueView());

        (await NamesAsync(world, world.Agent2)).ShouldBe(["Desk P1s"]);
        (await NamesAsync(world, outsider)).ShouldBeEmpty();
        (await AsAsync(world, outsider, s => s.GetAsync(shared.Id, Ct))).Error!.Code.ShouldBe("not_found");
        var rename = await AsAsync(world, world.Agent2, s => s.UpdateAsync(shared.Id, shared.Version, new SavedViewPatch(Name: new(true, "Mine now")), Ct));
        rename.Error!.Code.ShouldBe("forbidden");
        var chosen = await AsAsync(world, world.Agent2, s => s.UpdateAsync(shared.Id, shared.Version, new SavedViewPatch(IsDefault: new(true, true)), Ct));
        (chosen.Value!.IsDefault, chosen.Value.CanChange, chosen.Value.CanDelete).ShouldBe((true, false, false));
        (await AsAsync(world, world.Agent, s => s.GetAsync(shared.Id, Ct))).Value!.IsDefault.ShouldBeFalse();
        (await AsAsync(world, world.Agent, s => s.CreateAsync(new SavedViewDraft("Field", world.Field.Id, QueueViewDocument.ToJson(new QueueView()), null), Ct)))
            .Error!.Fields!.Keys.ShouldBe(["team"]);
    }

    [Theory, DatabaseData]
    public async Task Delete_SharedView_ItsAuthorTheTeamsLeadAndAdminsMayOtherMembersMayNot(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var (_, lead) = await MorePeopleAsync(world);
        var admin = new TestUser("admin", TestUser.Admin.UserId, Roles.Admin);
        var first = (await SaveAsync(world, world.Agent, "Desk unassigned", new QueueView(Queue: WorkQueue.Unassigned), world.Desk.Id)).Value!;
        var second = (await SaveAsync(world, world.Agent, "Desk waiting", new QueueView(Queue: WorkQueue.Waiting), world.Desk.Id)).Value!;
        var personal = (await SaveAsync(world, world.Agent, "Just mine", new QueueView())).Value!;
        await AsAsync(world, world.Agent2, s => s.UpdateAsync(first.Id, first.Version, new SavedViewPatch(IsDefault: new(true, true)), Ct));

        (await AsAsync(world, world.Agent2, s => s.DeleteAsync(first.Id, Ct))).Error!.Code.ShouldBe("forbidden");
        (await AsAsync(world, lead, s => s.DeleteAsync(first.Id, Ct))).Value.ShouldBeTrue();
        (await AsAsync(world, admin, s => s.DeleteAsync(second.Id, Ct))).Value.ShouldBeTrue();
        (await AsAsync(world, admin, s => s.DeleteAsync(personal.Id, Ct))).Error!.Code.ShouldBe("not_found");
        (await AsAsync(world, lead, s => s.DeleteAsync(personal.Id, Ct))).Error!.Code.ShouldBe("not_found");

        (await NamesAsync(world, world.Agent)).ShouldBe(["Just mine"]);
        (await AsAsync(world, world.Agent2, s => s.GetDefaultAsync(Ct))).Value.ShouldBeNull();
        (await AsAsync(world, world.Agent, s => s.DeleteAsync(personal.Id, Ct))).Value.ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task Open_ViewWhoseServiceWasDeleted_OpensWithoutThatFilterAndSaysSo(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var doomed = new Service { Name = "Fax", Description = "Faxes.", OwnerId = world.Owner.UserId!.Value, DeliveringTeamId = world.Desk.Id, Lifecycle = ServiceLifecycle.Retired, Criticality = 3 };
        await using (var db = database.NewDbContext())
        {
            db.Add(doomed);
            await db.SaveChangesAsync(Ct);
        }
        var view = (await SaveAsync(world, world.Agent, "Fax P1s", new QueueView(Priority: [1], Service: [doomed.Id]))).Value!;
        await using (var db = database.NewDbContext())
        {
            await db.Set<Service>().Where(s => s.Id == doomed.Id).ExecuteDeleteAsync(Ct);
        }

        var opened = (await AsAsync(world, world.Agent, s => s.GetAsync(view.Id, Ct))).Value!;

        opened.Filter.Services.ShouldBeEmpty();
        opened.Filter.Priorities.ShouldBe([1]);
        opened.Warnings.ShouldBe(["A service this view filters on no longer exists; it shows every service instead."]);
    }

    [Theory, DatabaseData]
    public async Task Open_StoredFilterTamperedWith_UsablePartsKeptTheRestLeftOutAndNamed(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var view = (await SaveAsync(world, world.Agent, "Queue", new QueueView())).Value!;
        var broken = (await SaveAsync(world, world.Agent, "Broken", new QueueView())).Value!;
        await using (var db = database.NewDbContext())
        {
            await db.Set<SavedView>().Where(v => v.Id == view.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.Filter, """{"schema":1,"kind":"Request","queue":"Waiting","priority":[2,"x"],"team":"all"}"""), Ct);
            await db.Set<SavedView>().Where(v => v.Id == broken.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.Filter, "{not json"), Ct);
        }

        var list = (await AsAsync(world, world.Agent, s => s.ListAsync(new PageRequest(), Ct))).Value!.Items;

        var opened = list.Single(v => v.Name == "Queue");
        (opened.Filter.Kind, opened.Filter.Queue, opened.Filter.Priorities.Single()).ShouldBe((WorkKind.Request, WorkQueue.Waiting, 2));
        opened.Warnings.ShouldBe(["Left out of this view: filter.team is not a field of a view's filter.", "Left out of this view: filter.priority must be numbers 1–4; 'x' is not."], ignoreOrder: true);
        var unreadable = list.Single(v => v.Name == "Broken");
        unreadable.Filter.SameAs(new QueueView()).ShouldBeTrue();
        unreadable.Warnings.ShouldHaveSingleItem().ShouldContain("could not be read");
    }

    [Theory, DatabaseData]
    public async Task Update_RenameAndNewFilters_SavedOnceAStaleVersionIsRefused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var view = (await SaveAsync(world, world.Agent, "P1s", new QueueView(Priority: [1]))).Value!;
        var newer = new QueueView(WorkKind.Request, WorkQueue.MyTeams, Priority: [1, 2], Sort: "createdAt");

        var updated = await AsAsync(world, world.Agent, s => s.UpdateAsync(view.Id, view.Version,
            new SavedViewPatch(Name: new(true, "P1 and P2 requests"), Filter: new(true, QueueViewDocument.ToJson(newer))), Ct));
        var stale = await AsAsync(world, world.Agent, s => s.UpdateAsync(view.Id, view.Version, new SavedViewPatch(Name: new(true, "Too late")), Ct));

        updated.Value!.Filter.SameAs(newer).ShouldBeTrue();
        updated.Value.Version.ShouldBeGreaterThan(view.Version);
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        (await NamesAsync(world, world.Agent)).ShouldBe(["P1 and P2 requests"]);
    }

    [Theory, DatabaseData]
    public async Task Default_AnotherChosenOrTheTeamLeft_TheWorkspaceOpensTheNewOneOrNone(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var (member, _) = await MorePeopleAsync(world);
        var shared = (await SaveAsync(world, world.Agent2, "Field queue", new QueueView(Queue: WorkQueue.MyTeams), world.Field.Id, isDefault: true)).Value!;
        var own = (await SaveAsync(world, world.Agent2, "Mine", new QueueView(), isDefault: true)).Value!;
        (await AsAsync(world, world.Agent2, s => s.GetDefaultAsync(Ct))).Value!.Id.ShouldBe(own.Id);

        (await AsAsync(world, world.Agent, s => s.UpdateAsync(shared.Id, shared.Version, new SavedViewPatch(IsDefault: new(true, true)), Ct))).Error!.Code.ShouldBe("not_found");
        await AsAsync(world, member, s => s.UpdateAsync(shared.Id, shared.Version, new SavedViewPatch(IsDefault: new(true, true)), Ct));
        (await AsAsync(world, member, s => s.GetDefaultAsync(Ct))).Value!.Id.ShouldBe(shared.Id);

        await using (var db = database.NewDbContext())
        {
            await db.Set<TeamMember>().Where(m => m.TeamId == world.Field.Id && m.UserId == member.UserId).ExecuteDeleteAsync(Ct);
        }
        (await AsAsync(world, member, s => s.GetDefaultAsync(Ct))).Value.ShouldBeNull();
        (await AsAsync(world, world.Agent2, s => s.GetDefaultAsync(Ct))).Value!.Id.ShouldBe(own.Id);
    }

    [Theory, DatabaseData]
    public async Task SavedViews_Requester_Forbidden(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);

        (await AsAsync(world, world.Requester, s => s.ListAsync(new PageRequest(), Ct))).Error!.Code.ShouldBe("forbidden");
        (await SaveAsync(world, world.Requester, "Mine", new QueueView())).Error!.Code.ShouldBe("forbidden");
    }
}

using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Forms;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Work;

/// <summary>
/// A small service desk in a test database: a desk team of two agents, a live service with its owner, a requester
/// whose manager approves, a second requester, and a catalogue item with a form, a manager approval and two task steps.
/// </summary>
internal sealed class WorkWorld
{
    public required TestDatabase Database { get; init; }
    public required Team Desk { get; init; }
    public required Team Field { get; init; }
    public required Service Service { get; init; }
    public required CatalogItem Laptop { get; init; }
    public required TestUser Agent { get; init; }
    public required TestUser Agent2 { get; init; }
    public required TestUser Owner { get; init; }
    public required TestUser Requester { get; init; }
    public required TestUser Requester2 { get; init; }
    public required TestUser Manager { get; init; }
    public ImpactGraphCache Cache { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<WorkWorld> CreateAsync(TestDatabase database)
    {
        var unit = await PlatformData.AddBusinessUnitAsync(database, "Sales", "SAL");
        var agent = await PlatformData.AddUserAsync(database, "agent");
        var agent2 = await PlatformData.AddUserAsync(database, "agent2");
        var owner = await PlatformData.AddUserAsync(database, "owner");
        var manager = await PlatformData.AddUserAsync(database, "manager");
        var requester = await PlatformData.AddUserAsync(database, "requester");
        var requester2 = await PlatformData.AddUserAsync(database, "requester2");
        var desk = new Team { Name = "Service Desk" };
        var field = new Team { Name = "Field Services" };
        await using var db = database.NewDbContext();
        db.AddRange(desk, field);
        db.AddRange(new TeamMember { TeamId = desk.Id, UserId = agent.Id }, new TeamMember { TeamId = desk.Id, UserId = agent2.Id },
            new TeamMember { TeamId = field.Id, UserId = agent2.Id });
        foreach (var person in new[] { agent, agent2, owner, requester, requester2, manager })
        {
            db.Attach(person);
            person.Email = $"{person.UserName}@keel-test.example";
            person.BusinessUnitId = person == agent || person == agent2 || person == owner ? null : unit.Id;
        }
        requester.ManagerId = manager.Id;
        var service = new Service
        {
            Name = "Workplace", Description = "Laptops, phones and the software people work with.", OwnerId = owner.Id,
            DeliveringTeamId = field.Id, Lifecycle = ServiceLifecycle.Live, Criticality = 2,
        };
        var laptop = new CatalogItem
        {
            ServiceId = service.Id, Name = "New laptop", Description = "A laptop set up for your work.",
            Form = new FormDefinition { Fields = [new FormField { Key = "reason", Label = "Why do you need it?", Type = FieldType.Text, Required = true }] },
            Approval = ApprovalNeed.RequesterManager,
            Tasks = [new FulfilmentTaskTemplate { Title = "Order the laptop", TeamId = field.Id, Order = 1 },
                     new FulfilmentTaskTemplate { Title = "Set it up", TeamId = desk.Id, Order = 2 }],
        };
        db.AddRange(service, laptop);
        db.Add(new WorkSettings { DefaultIncidentTeamId = desk.Id });
        await db.SaveChangesAsync(Ct);
        return new WorkWorld
        {
            Database = database, Desk = desk, Field = field, Service = service, Laptop = laptop,
            Agent = new TestUser("agent", agent.Id, Roles.Agent),
            Agent2 = new TestUser("agent2", agent2.Id, Roles.Agent),
            Owner = new TestUser("owner", owner.Id, Roles.ServiceOwner),
            Requester = new TestUser("requester", requester.Id, Roles.Requester),
            Requester2 = new TestUser("requester2", requester2.Id, Roles.Requester),
            Manager = new TestUser("manager", manager.Id, Roles.Requester),
        };
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<WorkUseCases, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        var time = Database.Time;
        var views = new WorkViews(db, user, time);
        var effects = new WorkEffects(db);
        var routing = new WorkRouting(db);
        var work = new WorkItemService(db, user, time, views, effects);
        return await action(new WorkUseCases(
            work,
            new IncidentService(db, user, time, views, routing),
            new RequestService(db, user, time, views, routing, new CatalogService(db, user), effects),
            new ApprovalService(db, user, time, effects),
            new ConversationService(db, user, time, work),
            new MergeService(db, user, time, work, views),
            new ConfigurationItemService(db, user, Cache, new ServiceWorkCounter(db)),
            new PortfolioService(db, user, new ServiceWorkCounter(db), Cache, OrganizationCurrency.Default)));
    }

    public Task<Result<WorkItemView>> RaiseAsync(ICurrentUser by, string title = "Outlook keeps asking for my password", int impact = 2, int urgency = 2) =>
        RunAsync(by, u => u.Incidents.CreateAsync(new IncidentDraft(title, "Since this morning.", Service.Id, null, null, impact, urgency, null), Ct));

    public Task<Result<WorkItemView>> MoveAsync(ICurrentUser by, string number, TransitionRequest request, WorkKind kind = WorkKind.Incident) =>
        RunAsync(by, u => u.Work.TransitionAsync(kind, number, null, request, Ct));
}

internal sealed record WorkUseCases(
    WorkItemService Work, IncidentService Incidents, RequestService Requests, ApprovalService Approvals,
    ConversationService Conversation, MergeService Merges, ConfigurationItemService Cis, PortfolioService Portfolio);

using Keel.Application.Changes;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Tests.Work;
using Keel.Application.Work;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Application.Tests.Changes;

/// <summary>
/// The work world plus change enablement: two change managers, three CAB members (one of them also the implementer),
/// a critical payments service delivered by a database CI, a low-criticality intranet, and a standard change template.
/// </summary>
internal sealed class ChangeWorld
{
    public required WorkWorld Work { get; init; }
    public required TestUser ChangeManager { get; init; }
    public required TestUser ChangeManager2 { get; init; }
    public required IReadOnlyList<TestUser> Cab { get; init; }
    public required Service Payments { get; init; }
    public required Service Intranet { get; init; }
    public required ConfigurationItem PaymentsDb { get; init; }
    public required ChangeTemplate Template { get; init; }
    public ChangeOptions Options { get; } = new();

    public TestDatabase Database => Work.Database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ChangeWorld> CreateAsync(TestDatabase database)
    {
        var work = await WorkWorld.CreateAsync(database);
        var people = new Dictionary<string, KeelUser>();
        foreach (var name in new[] { "changemgr", "changemgr2", "cab1", "cab2", "cab3" })
        {
            people[name] = await PlatformData.AddUserAsync(database, name);
        }
        await using var db = database.NewDbContext();
        var roles = new Dictionary<string, KeelRole>();
        foreach (var role in new[] { Roles.ChangeManager, Roles.CabMember })
        {
            roles[role] = await db.Roles.FirstOrDefaultAsync(r => r.Name == role, Ct) ?? db.Roles.Add(new KeelRole(role) { Id = Guid.NewGuid(), NormalizedName = role.ToUpperInvariant() }).Entity;
        }
        void Grant(Guid user, string role) => db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user, RoleId = roles[role].Id });
        Grant(people["changemgr"].Id, Roles.ChangeManager);
        Grant(people["changemgr2"].Id, Roles.ChangeManager);
        foreach (var cab in new[] { "cab1", "cab2", "cab3" })
        {
            Grant(people[cab].Id, Roles.CabMember);
        }
        var payments = new Service { Name = "Payments", Description = "Card payments.", OwnerId = work.Owner.UserId!.Value, DeliveringTeamId = work.Field.Id, Lifecycle = ServiceLifecycle.Live, Criticality = 1 };
        var intranet = new Service { Name = "Intranet", Description = "News and forms.", OwnerId = work.Owner.UserId!.Value, DeliveringTeamId = work.Desk.Id, Lifecycle = ServiceLifecycle.Live, Criticality = 4 };
        var database1 = new ConfigurationItem { Name = "payments-db", Type = CiTypes.Database, ServiceIds = [payments.Id] };
        var template = new ChangeTemplate
        {
            Name = "Rotate a TLS certificate", Description = "Replace a certificate before it expires.", ServiceId = intranet.Id,
            ImplementationPlan = "Install the new certificate and reload.", BackoutPlan = "Reinstall the old certificate.", TestPlan = "Open the site.",
        };
        db.AddRange(payments, intranet, database1, template, new CiServiceLinkRow { CiId = database1.Id, ServiceId = payments.Id });
        await db.SaveChangesAsync(Ct);
        return new ChangeWorld
        {
            Work = work, Payments = payments, Intranet = intranet, PaymentsDb = database1, Template = template,
            ChangeManager = new TestUser("changemgr", people["changemgr"].Id, Roles.ChangeManager),
            ChangeManager2 = new TestUser("changemgr2", people["changemgr2"].Id, Roles.ChangeManager),
            Cab = new[] { "cab1", "cab2", "cab3" }.Select(n => new TestUser(n, people[n].Id, Roles.CabMember)).ToList(),
        };
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<ChangeUseCases, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        var time = Database.Time;
        var views = new WorkViews(db, user, time);
        var effects = new WorkEffects(db);
        var transitions = new ChangeTransitions(db, user, Microsoft.Extensions.Options.Options.Create(Options));
        var work = new WorkItemService(db, user, time, views, effects, transitions);
        var approvals = new ApprovalService(db, user, time, effects);
        return await action(new ChangeUseCases(
            new ChangeService(db, user, time, work, views, approvals, new ChangeAssessor(db, Work.Cache)), work, approvals,
            new ChangeStatsService(db, user), new LinkService(db, user, time, work)));
    }

    /// <summary>A normal change on the payments service, answered as safely as possible, with a planned window.</summary>
    public ChangeDraft Normal(string title = "Upgrade the payments database", ChangeType type = ChangeType.Normal, IReadOnlyList<Guid>? cis = null,
        IReadOnlyDictionary<string, string>? answers = null) =>
        new(title, "Minor version.", Intranet.Id, type, null, "Security fixes.", "Run the upgrade.", "Restore the snapshot.", "Run the smoke tests.",
            Database.Time.GetUtcNow().UtcDateTime.AddDays(2), Database.Time.GetUtcNow().UtcDateTime.AddDays(2).AddHours(2), cis, null,
            answers ?? SafeAnswers);

    public static readonly IReadOnlyDictionary<string, string> SafeAnswers = new Dictionary<string, string>
    {
        ["testedPreProduction"] = "yes", ["backoutTested"] = "yes", ["userOutage"] = "none", ["doneBefore"] = "yes",
    };

    public async Task<ChangeView> RaiseAsync(ChangeDraft draft, ICurrentUser? by = null)
    {
        var result = await RunAsync(by ?? Work.Agent, u => u.Changes.CreateAsync(draft, Ct));
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    public Task<Result<WorkItemView>> MoveAsync(ICurrentUser by, string number, WorkState to, string? reason = null) =>
        RunAsync(by, u => u.Work.TransitionAsync(WorkKind.Change, number, null, new TransitionRequest(to, Reason: reason), Ct));

    public Task<Result<ApprovalView>> DecideAsync(ICurrentUser by, Guid approvalId, bool approve, string? reason = null) =>
        RunAsync(by, u => u.Approvals.DecideAsync(approvalId, new ApprovalDecision(approve, reason ?? (approve ? null : "Not in this window.")), Ct));

    public async Task<ChangeView> GetAsync(string number) => (await RunAsync(Work.Agent, u => u.Changes.GetAsync(number, Ct))).Value!;
}

internal sealed record ChangeUseCases(ChangeService Changes, WorkItemService Work, ApprovalService Approvals, ChangeStatsService Stats, LinkService Links);

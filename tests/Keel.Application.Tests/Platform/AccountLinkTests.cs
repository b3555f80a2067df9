using Keel.Application.Data;
using Keel.Application.Platform.Accounts;
using Keel.Application.Platform.Notifications;
using Keel.Application.Platform.Organization;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Accounts;
using Keel.Domain.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Tests.Platform;

/// <summary>Password resets and invitations: who gets a link, how long it works, and that it works exactly once.</summary>
public sealed class AccountLinkTests(DatabaseFixture databases)
{
    private const string NewPassword = "New-Password-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task RequestReset_ByUserNameOrEmail_EmailOnlyMessageWithALinkAndNoTokenStoredInTheLink(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");

        var byName = await world.LinksAsync(null, l => l.RequestResetAsync("ANN", Ct));
        var byEmail = await world.LinksAsync(null, l => l.RequestResetAsync(" ann@keel-test.example ", Ct));

        byName.Value.ShouldBe(byEmail.Value);
        var messages = await world.MessagesAsync(ann.Id);
        messages.Count.ShouldBe(2);
        messages.ShouldAllBe(m => m.Event == NotificationEvent.PasswordReset && !m.InApp && m.Email == EmailState.Pending && m.Link == null);
        messages[0].Subject.ShouldBe("Reset your Keel password");
        messages[0].Body.ShouldContain($"{AccountsWorld.PublicUrl}/account/reset-password?token=");
        messages[0].Body.ShouldContain("within 1 hour");
        AccountsWorld.TokenIn(messages[0].Body).Length.ShouldBe(43);
        await using var db = database.NewDbContext();
        var hashes = await db.Set<AccountLink>().Select(l => l.Hash).ToListAsync(Ct);
        hashes.ShouldNotContain(AccountsWorld.TokenIn(messages[0].Body));
        hashes.ShouldAllBe(h => h.Length == 64);
    }

    [Theory, DatabaseData]
    public async Task RequestReset_UnknownInactiveOrWithoutEmail_SameAnswerAndNothingSent(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        await world.AddPersonAsync("gone", active: false);
        await world.AddPersonAsync("nomail", withEmail: false);
        await world.AddPersonAsync("ann");

        var answers = new List<string?>();
        foreach (var login in new[] { "nobody", "nobody@keel-test.example", "gone", "nomail", "ann" })
        {
            answers.Add((await world.LinksAsync(null, l => l.RequestResetAsync(login, Ct))).Value);
        }

        answers.Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        (await world.MessagesAsync()).Select(m => m.Body).ShouldHaveSingleItem().ShouldContain("Hello Ann Example");
        await using var db = database.NewDbContext();
        (await db.Set<AccountLink>().CountAsync(Ct)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task RequestReset_FourthWithinTheHour_SameAnswerButNothingSentUntilTheHourHasPassed(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");
        var answers = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct))).Value);
            database.Time.Advance(TimeSpan.FromMinutes(10));
        }
        var afterFour = (await world.MessagesAsync(ann.Id)).Count;

        database.Time.Advance(TimeSpan.FromMinutes(21)); // the first link was sent 61 minutes ago
        await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct));

        answers.Distinct().Count().ShouldBe(1);
        (afterFour, (await world.MessagesAsync(ann.Id)).Count).ShouldBe((3, 4));
    }

    [Theory, DatabaseData]
    public async Task SetPassword_WithTheLink_PasswordChangedOtherSessionsEndedLockoutClearedAndLinkSpent(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");
        await using (var db = database.NewDbContext())
        {
            await db.Users.Where(u => u.Id == ann.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.AccessFailedCount, 10).SetProperty(u => u.LockoutEnd, database.Time.GetUtcNow().AddMinutes(5)), Ct);
        }
        await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct));
        var token = await world.TokenSentToAsync(ann.Id);

        var set = await world.LinksAsync(null, l => l.SetPasswordAsync(token, NewPassword, Ct));
        var again = await world.LinksAsync(null, l => l.SetPasswordAsync(token, "Third-Password-2026", Ct));

        set.IsSuccess.ShouldBeTrue(set.Error?.Message);
        set.Value!.UserName.ShouldBe("ann");
        again.Error.ShouldBe(AccountLinkService.InvalidToken);
        (await world.PasswordIsAsync(ann.Id, NewPassword), await world.PasswordIsAsync(ann.Id, AccountsWorld.OldPassword)).ShouldBe((true, false));
        var after = await world.ReloadAsync(ann.Id);
        after.SecurityStamp.ShouldNotBe("stamp-before");
        (after.AccessFailedCount, after.LockoutEnd).ShouldBe((0, null));
        await using var read = database.NewDbContext();
        var audit = await read.Set<AuditEntry>().Where(a => a.EntityId == ann.Id.ToString()).Select(a => a.Changes).ToListAsync(Ct);
        audit.ShouldContain(c => c.Contains("reset by e-mail link"));
        audit.ShouldAllBe(c => !c.Contains(token));
    }

    [Theory, DatabaseData]
    public async Task SetPassword_ExpiredUnknownOrMalformedLink_OneAnswerAndNothingChanged(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");
        await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct));
        var token = await world.TokenSentToAsync(ann.Id);
        database.Time.Advance(TimeSpan.FromHours(1));

        var results = new List<Error?>();
        foreach (var attempt in new[] { token, token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), "short", null, token + "=" })
        {
            results.Add((await world.LinksAsync(null, l => l.SetPasswordAsync(attempt, NewPassword, Ct))).Error);
        }

        results.ShouldAllBe(e => e == AccountLinkService.InvalidToken);
        (await world.PasswordIsAsync(ann.Id, AccountsWorld.OldPassword)).ShouldBeTrue();
        (await world.ReloadAsync(ann.Id)).SecurityStamp.ShouldBe("stamp-before");
    }

    [Theory, DatabaseData]
    public async Task SetPassword_TooWeak_FieldErrorsAndTheLinkStillWorks(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");
        await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct));
        var token = await world.TokenSentToAsync(ann.Id);

        var weak = await world.LinksAsync(null, l => l.SetPasswordAsync(token, "short1", Ct));
        var strong = await world.LinksAsync(null, l => l.SetPasswordAsync(token, NewPassword, Ct));

        weak.Error!.Code.ShouldBe("validation_failed");
        weak.Error.Fields!["password"].ShouldContain(m => m.Contains("12"));
        strong.IsSuccess.ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task SetPassword_PersonDeactivatedAfterTheLinkWasSent_InvalidToken(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");
        await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct));
        var token = await world.TokenSentToAsync(ann.Id);
        var version = (await world.ReloadAsync(ann.Id)).Version;
        await world.PeopleAsync(p => p.UpdateAsync(ann.Id, version, new PersonPatch(default, default, default, default, default, default, new(true, false), default), Ct));

        var result = await world.LinksAsync(null, l => l.SetPasswordAsync(token, NewPassword, Ct));

        result.Error.ShouldBe(AccountLinkService.InvalidToken);
        (await world.PasswordIsAsync(ann.Id, AccountsWorld.OldPassword)).ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task Invite_Again_TheEarlierInvitationStopsWorkingAndTheNewOneLasts72Hours(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var bob = await world.AddPersonAsync("bob");
        var first = await world.LinksAsync(TestUser.Admin, l => l.InviteAsync(bob.Id, Ct));
        var firstToken = await world.TokenSentToAsync(bob.Id);
        database.Time.Advance(TimeSpan.FromHours(1));
        var second = await world.LinksAsync(TestUser.Admin, l => l.InviteAsync(bob.Id, Ct));
        var secondToken = await world.TokenSentToAsync(bob.Id);

        var oldOne = await world.LinksAsync(null, l => l.CheckAsync(firstToken, Ct));
        database.Time.Advance(TimeSpan.FromHours(71.9));
        var nearTheEnd = await world.LinksAsync(null, l => l.CheckAsync(secondToken, Ct));
        database.Time.Advance(TimeSpan.FromHours(0.1));
        var atTheEnd = await world.LinksAsync(null, l => l.CheckAsync(secondToken, Ct));

        (second.Value!.ExpiresAt - first.Value!.ExpiresAt).ShouldBe(TimeSpan.FromHours(1));
        oldOne.Error.ShouldBe(AccountLinkService.InvalidToken);
        nearTheEnd.Value!.Purpose.ShouldBe(AccountLinkPurpose.Invitation);
        atTheEnd.Error.ShouldBe(AccountLinkService.InvalidToken);
        var invitation = (await world.MessagesAsync(bob.Id)).Last();
        (invitation.Event, invitation.InApp, invitation.Subject).ShouldBe((NotificationEvent.Invitation, false, "An administrator invited you to Keel"));
        invitation.Body.ShouldContain($"{AccountsWorld.PublicUrl}/account/accept-invitation?token=");
        invitation.Body.ShouldContain("Your user name is bob");
    }

    [Theory, DatabaseData]
    public async Task Invite_LifetimeFromConfiguration_LinkWorksThatLong(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database, new Dictionary<string, string?> { ["Keel:Accounts:InvitationLifetime"] = "1.00:00:00" });
        var bob = await world.AddPersonAsync("bob");

        var sent = await world.LinksAsync(TestUser.Admin, l => l.InviteAsync(bob.Id, Ct));

        sent.Value!.ExpiresAt.ShouldBe(database.Time.GetUtcNow().UtcDateTime.AddDays(1));
        (await world.MessagesAsync(bob.Id)).Single().Body.ShouldContain("within 24 hours");
    }

    [Theory, DatabaseData]
    public async Task Invite_NotAdminNoEmailOrDeactivated_RefusedAndNothingSent(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var bob = await world.AddPersonAsync("bob");
        var nomail = await world.AddPersonAsync("nomail", withEmail: false);
        var gone = await world.AddPersonAsync("gone", active: false);
        var agent = new TestUser("agent", Guid.NewGuid(), Roles.Agent);

        var byAgent = await world.LinksAsync(agent, l => l.InviteAsync(bob.Id, Ct));
        var withoutEmail = await world.LinksAsync(TestUser.Admin, l => l.InviteAsync(nomail.Id, Ct));
        var deactivated = await world.LinksAsync(TestUser.Admin, l => l.InviteAsync(gone.Id, Ct));
        var unknown = await world.LinksAsync(TestUser.Admin, l => l.InviteAsync(Guid.NewGuid(), Ct));

        (byAgent.Error!.Code, withoutEmail.Error!.Code, deactivated.Error!.Code, unknown.Error!.Code)
            .ShouldBe(("forbidden", "validation_failed", "conflict", "not_found"));
        withoutEmail.Error.Fields!.Keys.ShouldBe(["email"]);
        (await world.MessagesAsync()).ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task AcceptInvitation_AlsoVoidsAPendingResetLink(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var bob = await world.AddPersonAsync("bob");
        await world.LinksAsync(TestUser.Admin, l => l.InviteAsync(bob.Id, Ct));
        var invitation = await world.TokenSentToAsync(bob.Id);
        await world.LinksAsync(null, l => l.RequestResetAsync("bob", Ct));
        var reset = await world.TokenSentToAsync(bob.Id);

        (await world.LinksAsync(null, l => l.SetPasswordAsync(invitation, NewPassword, Ct))).IsSuccess.ShouldBeTrue();
        var resetAfterwards = await world.LinksAsync(null, l => l.SetPasswordAsync(reset, "Third-Password-2026", Ct));

        resetAfterwards.Error.ShouldBe(AccountLinkService.InvalidToken);
        (await world.PasswordIsAsync(bob.Id, NewPassword)).ShouldBeTrue();
        (await world.ReloadAsync(bob.Id)).EmailConfirmed.ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task EmailAddressChanged_LinksSentToTheOldAddressStopWorking(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var bob = await world.AddPersonAsync("bob");
        await world.LinksAsync(TestUser.Admin, l => l.InviteAsync(bob.Id, Ct));
        var token = await world.TokenSentToAsync(bob.Id);
        var version = (await world.ReloadAsync(bob.Id)).Version;

        var changed = await world.PeopleAsync(p => p.UpdateAsync(bob.Id, version,
            new PersonPatch(default, new(true, "bob.new@keel-test.example"), default, default, default, default, default, default), Ct));
        var check = await world.LinksAsync(null, l => l.CheckAsync(token, Ct));

        changed.IsSuccess.ShouldBeTrue(changed.Error?.Message);
        check.Error.ShouldBe(AccountLinkService.InvalidToken);
    }

    [Theory, DatabaseData]
    public async Task CreatePerson_WithInvitation_NoPasswordNeededAndTheInvitationWaitsForTheMailJob(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var draft = new PersonDraft("carol", "Carol Example", "carol@keel-test.example", null, null, null, null, null, [], Invite: true);
        var withoutEmail = draft with { UserName = "dave", Email = null };

        var created = await world.PeopleAsync(p => p.CreateAsync(draft, Ct));
        var refused = await world.PeopleAsync(p => p.CreateAsync(withoutEmail, Ct));

        created.IsSuccess.ShouldBeTrue(created.Error?.Message);
        refused.Error!.Fields!.Keys.ShouldBe(["email"]);
        (await world.ReloadAsync(created.Value!.Id)).PasswordHash.ShouldBeNull();
        var invitation = (await world.MessagesAsync(created.Value.Id)).ShouldHaveSingleItem();
        (invitation.Event, invitation.Email).ShouldBe((NotificationEvent.Invitation, EmailState.Pending));
        var token = AccountsWorld.TokenIn(invitation.Body);
        (await world.LinksAsync(null, l => l.SetPasswordAsync(token, NewPassword, Ct))).IsSuccess.ShouldBeTrue();
        (await world.PasswordIsAsync(created.Value.Id, NewPassword)).ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task AccountMessages_EmailTurnedOffEverywhere_StillEmailedNeverInAppAndNotAChoice(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");
        var asAnn = new TestUser("ann", ann.Id, Roles.Requester);
        var everythingOff = (await world.RunAsync(asAnn, s => s.GetRequiredService<NotificationService>().PreferencesAsync(Ct)))
            .Select(p => p with { InApp = false, Email = false }).ToList();
        (await world.RunAsync(asAnn, s => s.GetRequiredService<NotificationService>().SetPreferencesAsync(everythingOff, Ct))).IsSuccess.ShouldBeTrue();

        await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct));
        var choosingResets = await world.RunAsync(asAnn, s => s.GetRequiredService<NotificationService>()
            .SetPreferencesAsync([new PreferenceView(NotificationEvent.PasswordReset, true, false)], Ct));
        var inApp = await world.RunAsync(asAnn, s => s.GetRequiredService<NotificationService>().ListAsync(false, new(), Ct));

        everythingOff.Select(p => p.Event).ShouldNotContain(NotificationEvent.PasswordReset);
        everythingOff.Select(p => p.Event).ShouldNotContain(NotificationEvent.Invitation);
        (await world.MessagesAsync(ann.Id)).ShouldHaveSingleItem().Email.ShouldBe(EmailState.Pending);
        choosingResets.Error!.Code.ShouldBe("validation_failed");
        inApp.Value!.Items.ShouldBeEmpty();
    }
}

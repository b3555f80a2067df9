using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Notifications;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Keel.Application.Tests.Platform;

/// <summary>The reset e-mail over a real SMTP conversation, and what the outbox keeps of it afterwards.</summary>
public sealed class AccountMailTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task ResetEmail_SentOverSmtp_CarriesAWorkingLinkThatTheStoredCopyNoLongerHas(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");
        await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct));
        await using var smtp = new SmtpListener();

        var (sent, again) = (await SendAsync(database, smtp.Port), await SendAsync(database, smtp.Port));

        (sent, again).ShouldBe((1, 0));
        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.To.ShouldBe(["<ann@keel-test.example>"]);
        var message = mail.Message;
        message.Subject.ShouldBe("Reset your Keel password");
        var text = message.TextBody.ShouldNotBeNull();
        text.ShouldContain($"{AccountsWorld.PublicUrl}/account/reset-password?token=");
        var token = AccountsWorld.TokenIn(text);
        var stored = (await world.MessagesAsync(ann.Id)).Single();
        (stored.Email, stored.InApp).ShouldBe((EmailState.Sent, false));
        stored.Body.ShouldNotContain(token);
        stored.Body.ShouldContain(NotificationTemplates.RemovedLink);

        var set = await world.LinksAsync(null, l => l.SetPasswordAsync(token, "New-Password-2026", Ct));

        set.IsSuccess.ShouldBeTrue(set.Error?.Message);
        (await world.PasswordIsAsync(ann.Id, "New-Password-2026")).ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task ResetEmail_NoMailServerConfigured_SkippedAndTheLinkNotKept(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = new AccountsWorld(database);
        var ann = await world.AddPersonAsync("ann");
        await world.LinksAsync(null, l => l.RequestResetAsync("ann", Ct));

        await using (var db = database.NewDbContext(SystemUser.Instance))
        {
            await new NotificationMailHandler(db, Options.Create(new SmtpOptions()), database.Time, NullLogger<NotificationMailHandler>.Instance).SendPendingAsync(Ct);
        }

        var stored = (await world.MessagesAsync(ann.Id)).Single();
        stored.Email.ShouldBe(EmailState.Skipped);
        stored.Body.ShouldNotContain("token=");
    }

    private static async Task<int> SendAsync(TestDatabase database, int port)
    {
        var options = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, From = "Keel <keel@keel-test.example>" });
        await using var db = database.NewDbContext(SystemUser.Instance);
        return await new NotificationMailHandler(db, options, database.Time, NullLogger<NotificationMailHandler>.Instance).SendPendingAsync(Ct);
    }
}

using Keel.Domain.Platform.Accounts;
using Keel.Domain.Platform.Notifications;

namespace Keel.Domain.Tests.Platform;

public sealed class AccountLinkTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static AccountLink Link(TimeSpan lifetime) => new() { Hash = new string('A', 64), CreatedAt = Now, ExpiresAt = Now + lifetime };

    [Fact]
    public void IsUsableAt_BeforeExpiry_True_AtAndAfterExpiry_False()
    {
        var link = Link(TimeSpan.FromHours(1));

        (link.IsUsableAt(Now.AddMinutes(59)), link.IsUsableAt(Now.AddHours(1)), link.IsUsableAt(Now.AddHours(2))).ShouldBe((true, false, false));
    }

    [Fact]
    public void IsUsableAt_UsedOrVoided_False()
    {
        var used = Link(TimeSpan.FromHours(1));
        used.UsedAt = Now;
        var voided = Link(TimeSpan.FromHours(1));
        voided.Void(Now);

        (used.IsUsableAt(Now), voided.IsUsableAt(Now)).ShouldBe((false, false));
    }

    [Fact]
    public void Void_UsedLink_KeepsItsUseAndIsNotMarkedVoided()
    {
        var link = Link(TimeSpan.FromHours(1));
        link.UsedAt = Now;

        link.Void(Now.AddMinutes(5));

        link.VoidedAt.ShouldBeNull();
    }

    [Fact]
    public void MaySendReset_ThreeWithinTheHour_RefusesTheFourthUntilTheOldestLeavesTheWindow()
    {
        var policy = new AccountLinkPolicy();
        var sent = new[] { Now.AddMinutes(-50), Now.AddMinutes(-20), Now.AddMinutes(-5) };

        policy.MaySendReset(sent.Take(2), Now).ShouldBeTrue();
        policy.MaySendReset(sent, Now).ShouldBeFalse();
        policy.MaySendReset(sent, Now.AddMinutes(11)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(72 * 60, "72 hours")]
    [InlineData(60, "1 hour")]
    [InlineData(30, "30 minutes")]
    [InlineData(90, "90 minutes")]
    public void Describe_Lifetime_InTheWordsOfTheEmail(int minutes, string expected) =>
        AccountLinkPolicy.Describe(TimeSpan.FromMinutes(minutes)).ShouldBe(expected);

    [Fact]
    public void LifetimeOf_Defaults_InvitationThreeDaysResetOneHour()
    {
        var policy = new AccountLinkPolicy();

        (policy.LifetimeOf(AccountLinkPurpose.Invitation), policy.LifetimeOf(AccountLinkPurpose.PasswordReset))
            .ShouldBe((TimeSpan.FromHours(72), TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData(EmailState.Sent)]
    [InlineData(EmailState.Failed)]
    [InlineData(EmailState.Skipped)]
    [InlineData(EmailState.None)]
    public void ForgetSecretOnceSettled_AccountMessageNoLongerPending_LinkRemovedFromStoredBody(EmailState state)
    {
        var notification = ResetMessage();
        notification.Email = state;

        notification.ForgetSecretOnceSettled();

        notification.Body.ShouldNotContain("token=");
        notification.Body.ShouldNotContain("Zm9vYmFy");
        notification.Body.ShouldContain(NotificationTemplates.RemovedLink);
        notification.Body.ShouldContain("Hello Ann Example");
    }

    [Fact]
    public void ForgetSecretOnceSettled_StillPending_KeepsTheLinkForTheMailJob()
    {
        var notification = ResetMessage();

        notification.ForgetSecretOnceSettled();

        notification.Body.ShouldContain("/account/reset-password?token=Zm9vYmFy-_x");
    }

    [Fact]
    public void ForgetSecretOnceSettled_WorkNotification_BodyUntouched()
    {
        var (subject, body) = NotificationTemplates.Render(NotificationEvent.AgentReplied,
            new NotificationModel("INC0000001", "Printer", "Agent", "See https://wiki.example/page?token=abc", "http://keel/portal/items/INC0000001"));
        var notification = new Notification { Event = NotificationEvent.AgentReplied, Subject = subject, Body = body, Email = EmailState.Sent };

        notification.ForgetSecretOnceSettled();

        notification.Body.ShouldBe(body);
    }

    [Fact]
    public void IsAccountMessage_OnlyInvitationAndReset() =>
        Enum.GetValues<NotificationEvent>().Where(e => e.IsAccountMessage())
            .ShouldBe([NotificationEvent.Invitation, NotificationEvent.PasswordReset], ignoreOrder: true);

    private static Notification ResetMessage()
    {
        var (subject, body) = NotificationTemplates.Render(NotificationEvent.PasswordReset,
            new NotificationModel("ann", "Ann Example", "Keel", "1 hour", "http://keel.example/account/reset-password?token=Zm9vYmFy-_x"));
        return new Notification { Event = NotificationEvent.PasswordReset, Subject = subject, Body = body, Email = EmailState.Pending };
    }
}

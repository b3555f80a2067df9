namespace Keel.Domain.Platform.Notifications;

/// <summary>
/// One message to one person: shown in the app (until read) and/or sent by e-mail by the mail job. Written in the
/// same save as the change it reports, so a change is never told without happening, nor happens untold.
/// </summary>
public sealed class Notification
{
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 4000;
    public const int MaxEmailAttempts = 5;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RecipientId { get; set; }
    public NotificationEvent Event { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>Plain text; rendered encoded.</summary>
    public string Body { get; set; } = "";

    /// <summary>The app path the message points to (e.g. /portal/items/INC0000001).</summary>
    public string? Link { get; set; }

    public Guid? WorkItemId { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool InApp { get; set; } = true;
    public DateTime? ReadAt { get; set; }
    public EmailState Email { get; set; }
    public int EmailAttempts { get; set; }
    public DateTime? EmailedAt { get; set; }

    /// <summary>
    /// Once the e-mail of an account message is settled (sent, given up, skipped or impossible), its secret link is
    /// removed from the stored body: the link lives in the recipient's mailbox only.
    /// </summary>
    public void ForgetSecretOnceSettled()
    {
        if (Event.IsAccountMessage() && Email != EmailState.Pending)
        {
            Body = NotificationTemplates.WithoutSecretLinks(Body);
        }
    }
}

/// <summary>A person's choice for one event; without a row, both channels are on.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public NotificationEvent Event { get; set; }
    public bool InApp { get; set; } = true;
    public bool Email { get; set; } = true;
}

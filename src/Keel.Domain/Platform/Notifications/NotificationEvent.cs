namespace Keel.Domain.Platform.Notifications;

/// <summary>What a person can be told about; each has a template and a per-person choice of in-app and e-mail.</summary>
public enum NotificationEvent
{
    /// <summary>Work was assigned to you.</summary>
    Assigned,

    /// <summary>Someone working your item replied to you.</summary>
    AgentReplied,

    /// <summary>The person an item is for replied on an item assigned to you.</summary>
    RequesterReplied,

    /// <summary>Your incident waits for your answer.</summary>
    AwaitingYourReply,

    /// <summary>Your incident was resolved or your request fulfilled.</summary>
    Resolved,

    /// <summary>A request waits for your approval.</summary>
    ApprovalRequested,

    /// <summary>Your request was approved or rejected.</summary>
    ApprovalDecided,

    /// <summary>A request has waited a day or more for your approval.</summary>
    ApprovalReminder,

    /// <summary>An item you work on has used a warning share of its service-level time.</summary>
    SlaWarning,

    /// <summary>An item you work on (or your team's) breached a service-level target.</summary>
    SlaBreached,

    /// <summary>An update on a major incident you are kept informed of (as its stakeholder or its requester).</summary>
    StakeholderUpdate,

    /// <summary>Your incident was resolved or your request fulfilled: how did we do? (the e-mail carries the survey's link).</summary>
    SurveyRequested,

    /// <summary>An account message: an administrator invited you to set your password (see <see cref="NotificationEvents.IsAccountMessage"/>).</summary>
    Invitation,

    /// <summary>An account message: a link to reset your password.</summary>
    PasswordReset,

    /// <summary>For the IT leader: an investment category drifted beyond its capacity target two months in a row.</summary>
    BalanceDrift,
}

public static class NotificationEvents
{
    /// <summary>
    /// Account messages carry a secret link: they go by e-mail whatever the person's preferences, never show in the app,
    /// are not a choice on the preferences page, and lose their link from the stored body once the e-mail is settled.
    /// </summary>
    public static bool IsAccountMessage(this NotificationEvent e) => e is NotificationEvent.Invitation or NotificationEvent.PasswordReset;
}

/// <summary>The e-mail side of a notification.</summary>
public enum EmailState
{
    /// <summary>The person does not want this event by e-mail (or has no address).</summary>
    None,
    Pending,
    Sent,
    Failed,

    /// <summary>No mail server is configured, so nothing was sent.</summary>
    Skipped,
}

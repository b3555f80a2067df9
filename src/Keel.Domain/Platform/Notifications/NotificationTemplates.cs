using System.Text.RegularExpressions;

namespace Keel.Domain.Platform.Notifications;

/// <summary>What a template fills in: the item, who acted, and a detail such as a reason.</summary>
public sealed record NotificationModel(string Number, string Title, string Actor, string? Detail, string Link);

/// <summary>
/// One subject and body template per event, in plain words; <c>{number}</c>, <c>{title}</c>, <c>{actor}</c>, <c>{detail}</c>
/// and <c>{link}</c> are filled in. Account messages use them for the person: <c>{number}</c> is the user name,
/// <c>{title}</c> the display name and <c>{detail}</c> how long the link works.
/// </summary>
public static partial class NotificationTemplates
{
    public static (string Subject, string Body) TemplateOf(NotificationEvent e) => e switch
    {
        NotificationEvent.Assigned => ("{number} was assigned to you: {title}", "{actor} assigned {number} “{title}” to you.\n\nOpen it: {link}"),
        NotificationEvent.AgentReplied => ("New reply on {number}: {title}", "{actor} replied:\n\n{detail}\n\nReply or follow it: {link}"),
        NotificationEvent.RequesterReplied => ("{number} has a reply from the requester", "{actor} replied on {number} “{title}”:\n\n{detail}\n\nOpen it: {link}"),
        NotificationEvent.AwaitingYourReply => ("{number} needs your answer", "We need something from you to go on with {number} “{title}”. Please reply: {link}"),
        NotificationEvent.Resolved => ("{number} is resolved: {title}", "{number} “{title}” is resolved.\n\n{detail}\n\nIf it is not fixed, reopen it: {link}"),
        NotificationEvent.ApprovalRequested => ("Approval needed: {number} {title}", "{actor} asks for {title} ({number}). Approve or reject it: {link}"),
        NotificationEvent.ApprovalDecided => ("{number} was {detail}", "Your request {number} “{title}” was {detail} by {actor}.\n\nFollow it: {link}"),
        NotificationEvent.ApprovalReminder => ("Reminder: {number} waits for your approval", "{actor} asked for {title} ({number}) {detail} ago and is still waiting. Approve or reject it: {link}"),
        NotificationEvent.SlaWarning => ("{number} is running out of time: {title}", "{number} “{title}” has used {detail}.\n\nOpen it: {link}"),
        NotificationEvent.SlaBreached => ("{number} breached its target: {title}", "{number} “{title}” breached {detail}.\n\nOpen it: {link}"),
        NotificationEvent.StakeholderUpdate => ("Update on major incident {number}: {title}", "{actor} sent an update on the major incident {number} “{title}”:\n\n{detail}\n\nFollow it: {link}"),
        NotificationEvent.SurveyRequested => ("How did we do with {number}?", "{number} “{title}” is done. How did we do? Tell us in a few seconds, no sign-in needed:\n\n{detail}\n\nFollow the item: {link}"),
        NotificationEvent.Invitation => ("{actor} invited you to Keel", "Hello {title},\n\n{actor} has set up a Keel account for you. Your user name is {number}.\n\nChoose your password here within {detail}: {link}\n\nThe link works once. If you did not expect this message, you can ignore it."),
        NotificationEvent.BalanceDrift => ("Capacity drift ({number}): {title}", "{title}.\n\n{detail}\n\nSee the balance and the work behind it: {link}"),
        NotificationEvent.PasswordReset => ("Reset your Keel password", "Hello {title},\n\nSomeone, hopefully you, asked to reset the password of the Keel account {number}.\n\nChoose a new password here within {detail}: {link}\n\nThe link works once. If you did not ask for this, ignore this message: your password stays as it is."),
    };

    /// <summary>What the stored copy of an account message says instead of its link once the e-mail has gone.</summary>
    public const string RemovedLink = "(the link was sent by e-mail only and is not kept)";

    /// <summary>The body without any link that carries a secret (<c>?token=…</c>), so the stored copy cannot be used.</summary>
    public static string WithoutSecretLinks(string body) => SecretLink().Replace(body, RemovedLink);

    [GeneratedRegex(@"\S+[?&]token=[A-Za-z0-9_\-]+")]
    private static partial Regex SecretLink();

    public static (string Subject, string Body) Render(NotificationEvent e, NotificationModel model)
    {
        var (subject, body) = TemplateOf(e);
        return (Fill(subject, model, Notification.SubjectMaxLength), Fill(body, model, Notification.BodyMaxLength));
    }

    private static string Fill(string template, NotificationModel m, int max)
    {
        var text = template.Replace("{number}", m.Number, StringComparison.Ordinal).Replace("{title}", m.Title, StringComparison.Ordinal)
            .Replace("{actor}", m.Actor, StringComparison.Ordinal).Replace("{detail}", m.Detail ?? "", StringComparison.Ordinal)
            .Replace("{link}", m.Link, StringComparison.Ordinal);
        // Subjects are one line: a title with a line break must not inject mail headers.
        text = max == Notification.SubjectMaxLength ? text.ReplaceLineEndings(" ") : text;
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}

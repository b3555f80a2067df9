using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Domain.Platform.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Keel.Application.Platform.Notifications;

/// <summary>
/// Sends the notifications waiting for e-mail over SMTP (MailKit), oldest first, one connection per batch. A message
/// that fails is retried on the next runs and given up after <see cref="Notification.MaxEmailAttempts"/> attempts.
/// </summary>
public sealed class NotificationMailHandler(KeelDb db, IOptions<SmtpOptions> options, TimeProvider time, ILogger<NotificationMailHandler> log) : IJobHandler
{
    public const string JobType = "notifications.email";
    public const string Schedule = "every 1m";
    public const int Batch = 100;

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken) => await SendPendingAsync(cancellationToken);

    /// <summary>Sends one batch; returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        var smtp = options.Value;
        var pending = await db.Set<Notification>().Where(n => n.Email == EmailState.Pending).OrderBy(n => n.CreatedAt).Take(Batch).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }
        if (!smtp.IsConfigured)
        {
            pending.ForEach(n => n.Email = EmailState.Skipped);
            pending.ForEach(n => n.ForgetSecretOnceSettled());
            await db.SaveChangesAsync(ct);
            return 0;
        }
        var recipients = pending.Select(n => n.RecipientId).Distinct().ToList();
        var addresses = await db.Users.Where(u => recipients.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, u => (u.DisplayName, u.Email), ct);
        var sent = 0;
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecurityOf(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
            foreach (var notification in pending)
            {
                sent += await SendOneAsync(client, smtp, notification, addresses, ct) ? 1 : 0;
            }
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or AuthenticationException or SslHandshakeException)
        {
            log.LogWarning("The mail server {Host}:{Port} could not be used: {Reason}", smtp.Host, smtp.Port, e.Message);
            foreach (var notification in pending.Where(n => n.Email == EmailState.Pending))
            {
                Failed(notification);
            }
        }
        pending.ForEach(n => n.ForgetSecretOnceSettled());
        await db.SaveChangesAsync(CancellationToken.None);
        return sent;
    }

    private async Task<bool> SendOneAsync(SmtpClient client, SmtpOptions smtp, Notification notification, Dictionary<Guid, (string Name, string? Email)> addresses, CancellationToken ct)
    {
        if (!addresses.TryGetValue(notification.RecipientId, out var to) || string.IsNullOrWhiteSpace(to.Email))
        {
            notification.Email = EmailState.None;
            return false;
        }
        var message = new MimeMessage { Subject = notification.Subject, Body = new TextPart("plain") { Text = notification.Body } };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        try
        {
            await client.SendAsync(message, ct);
            notification.Email = EmailState.Sent;
            notification.EmailedAt = time.GetUtcNow().UtcDateTime;
            return true;
        }
        catch (SmtpCommandException e)
        {
            log.LogWarning("The mail server refused notification {Id}: {Reason}", notification.Id, e.Message);
            Failed(notification);
            return false;
        }
    }

    private static void Failed(Notification notification)
    {
        notification.EmailAttempts++;
        if (notification.EmailAttempts >= Notification.MaxEmailAttempts)
        {
            notification.Email = EmailState.Failed;
        }
    }

    private static SecureSocketOptions SecurityOf(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Auto => SecureSocketOptions.StartTlsWhenAvailable,
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
    };
}

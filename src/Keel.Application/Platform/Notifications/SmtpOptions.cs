namespace Keel.Application.Platform.Notifications;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The mail server Keel sends through (<c>Keel:Smtp:*</c>); without a host, no e-mail is sent and pending messages are marked skipped.</summary>
public sealed class SmtpOptions
{
    /// <summary>How often the mail job sends what is waiting (default <c>every 1m</c>); tests that wait for mail set it shorter.</summary>
    public const string ScheduleKey = "Keel:Smtp:Schedule";


    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string From { get; set; } = "Keel <keel@localhost>";
    public string? UserName { get; set; }

    /// <summary>Read from configuration only; never logged.</summary>
    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

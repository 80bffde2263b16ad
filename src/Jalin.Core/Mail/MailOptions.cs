namespace Jalin.Core.Mail;

public enum MailSecurity { None, StartTls, SslOnConnect, Auto }

/// <summary>The mail server and the outbox's behaviour (configuration section <c>Mail</c>). Without a
/// <see cref="Host"/> nothing is sent; the outbox keeps the messages until they are older than
/// <see cref="MaxAgeHours"/>.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public MailSecurity Security { get; set; } = MailSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "jalin@localhost";
    public string FromName { get; set; } = "Jalin";
    /// <summary>The public address of this Jalin ("https://jalin.cimahikota.go.id"), put before the links in mails.</summary>
    public string? BaseUrl { get; set; }
    public int PollSeconds { get; set; } = 15;
    public int BatchSize { get; set; } = 50;
    public int MaxAttempts { get; set; } = 12;
    /// <summary>A message not sent within this time is given up (a reminder three days late misleads more than it helps).</summary>
    public int MaxAgeHours { get; set; } = 72;
    public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

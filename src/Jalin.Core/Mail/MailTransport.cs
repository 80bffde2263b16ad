using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Jalin.Core.Mail;

/// <summary>Hands one message to the mail server; throws when the server refuses or cannot be reached.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>SMTP through MailKit (the chosen mail library).</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var security = options.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Server surel (Mail:Host) belum diatur."), options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        await client.SendAsync(ToMime(message, options), ct);
        await client.DisconnectAsync(true, ct);
    }

    public static MimeMessage ToMime(OutboxMessage message, MailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        // The outbox row's id names the message, so a retried send after a lost acknowledgement is recognisable.
        mime.MessageId = $"{message.Id:N}@jalin";
        var text = message.TextBody;
        if (message.Link is { } link)
        {
            var baseUrl = (options.BaseUrl ?? "").TrimEnd('/');
            var line = baseUrl.Length > 0 ? $"Buka di Jalin: {baseUrl}{link}" : $"Buka di Jalin: {link} (alamat di dalam aplikasi Jalin daerah Anda)";
            var cut = text.IndexOf("\n—", StringComparison.Ordinal);
            text = cut >= 0 ? text[..cut] + "\n" + line + "\n" + text[cut..] : text + "\n\n" + line + "\n";
        }
        var body = new BodyBuilder { TextBody = text };
        if (message.AttachmentContent is { } bytes && message.AttachmentName is { } name)
            body.Attachments.Add(name, bytes, ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream"));
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

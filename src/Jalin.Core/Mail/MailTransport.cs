using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Jalin.Core.Mail;

/// <summary>Hands one message to the mail server; throws when the server refuses or cannot be reached.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);

    /// <summary>Called after each dispatcher pass: a transport that keeps a connection open closes it here.</summary>
    Task EndBatchAsync() => Task.CompletedTask;
}

/// <summary>SMTP through MailKit (the chosen mail library). One connection is kept open across the messages of a
/// dispatcher pass (<see cref="EndBatchAsync"/> closes it), so a full outbox is not a connect/EHLO/QUIT per mail; a
/// broken connection is dropped and the next message reconnects.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SmtpClient? _client;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var client = await ConnectedAsync(ct);
            try
            {
                await client.SendAsync(ToMime(message, options), ct);
            }
            catch
            {
                Drop();
                throw;
            }
        }
        finally { _gate.Release(); }
    }

    /// <summary>Closes the kept connection (end of a dispatcher pass).</summary>
    public async Task EndBatchAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_client is { IsConnected: true } c)
                try { await c.DisconnectAsync(true); } catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException) { }
            Drop();
        }
        finally { _gate.Release(); }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true } open) return open;
        Drop();
        var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var security = options.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.StartTls => SecureSocketOptions.StartTls,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        try
        {
            await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Server surel (Mail:Host) belum diatur."), options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return _client = client;
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    public void Dispose() => Drop();

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

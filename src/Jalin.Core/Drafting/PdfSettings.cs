using Microsoft.Extensions.Configuration;

namespace Jalin.Core.Drafting;

/// <summary>Reads <see cref="PdfOptions"/> from the <c>Pdf</c> section: SofficePath,
/// TimeoutSeconds, MaxConcurrent, MaxQueue, QueueWaitSeconds, PerUserConcurrent,
/// PerUserPerMinute, IsolateNetwork. A missing or unreadable value keeps its default.</summary>
public static class PdfSettings
{
    public static PdfOptions From(IConfiguration configuration)
    {
        var o = new PdfOptions { SofficePath = configuration["Pdf:SofficePath"] is { Length: > 0 } soffice ? soffice : null };
        if (Int(configuration, "Pdf:TimeoutSeconds", 1) is { } timeout) o.Timeout = TimeSpan.FromSeconds(timeout);
        if (Int(configuration, "Pdf:MaxConcurrent", 1) is { } concurrent) o.MaxConcurrent = concurrent;
        if (Int(configuration, "Pdf:MaxQueue", 0) is { } queue) o.MaxQueue = queue;
        if (Int(configuration, "Pdf:QueueWaitSeconds", 0) is { } wait) o.QueueWait = TimeSpan.FromSeconds(wait);
        if (Int(configuration, "Pdf:PerUserConcurrent", 1) is { } perUser) o.PerUserConcurrent = perUser;
        if (Int(configuration, "Pdf:PerUserPerMinute", 1) is { } perMinute) o.PerUserPerMinute = perMinute;
        if (bool.TryParse(configuration["Pdf:IsolateNetwork"], out var isolate)) o.IsolateNetwork = isolate;
        return o;
    }

    private static int? Int(IConfiguration configuration, string key, int min) =>
        int.TryParse(configuration[key], out var v) && v >= min ? v : null;
}

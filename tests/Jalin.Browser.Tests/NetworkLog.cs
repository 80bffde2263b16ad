using Microsoft.Playwright;

namespace Jalin.Browser.Tests;

/// <summary>One response of a page load as the network saw it.</summary>
public sealed record NetworkHit(string Url, int Status, bool FromCache, string? Encoding, double Bytes)
{
    public string Path => new Uri(Url).AbsolutePath;
    public bool IsCssOrJs => System.IO.Path.GetExtension(Path) is ".css" or ".js";
}

/// <summary>What the network did for one navigation, from the Chrome DevTools Network events: bytes are
/// <c>encodedDataLength</c> (headers and body as transferred, compressed); a response counts as cached when it
/// came from the disk or memory cache.</summary>
public static class NetworkLog
{
    public static async Task<List<NetworkHit>> LoadAsync(IBrowserContext context, IPage page, string url)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        var responses = new Dictionary<string, (string Url, int Status, bool Disk, string? Encoding)>();
        var cached = new HashSet<string>();
        var bytes = new Dictionary<string, double>();
        cdp.Event("Network.responseReceived").OnEvent += (_, e) =>
        {
            if (e is not { } v) return;
            var r = v.GetProperty("response");
            string? enc = null;
            foreach (var h in r.GetProperty("headers").EnumerateObject())
                if (h.Name.Equals("content-encoding", StringComparison.OrdinalIgnoreCase)) enc = h.Value.GetString();
            lock (responses) responses[v.GetProperty("requestId").GetString()!] = (r.GetProperty("url").GetString()!, r.GetProperty("status").GetInt32(),
                r.TryGetProperty("fromDiskCache", out var d) && d.GetBoolean(), enc);
        };
        cdp.Event("Network.requestServedFromCache").OnEvent += (_, e) => { lock (responses) cached.Add(e!.Value.GetProperty("requestId").GetString()!); };
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) => { lock (responses) bytes[e!.Value.GetProperty("requestId").GetString()!] = e.Value.GetProperty("encodedDataLength").GetDouble(); };
        await cdp.SendAsync("Network.enable");
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForTimeoutAsync(300);
        await cdp.DetachAsync();
        lock (responses)
            return responses.Select(kv => new NetworkHit(kv.Value.Url, kv.Value.Status, kv.Value.Disk || cached.Contains(kv.Key), kv.Value.Encoding,
                bytes.GetValueOrDefault(kv.Key))).ToList();
    }
}

using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.UpwardReports;

namespace Jalin.Core.Data.Seed;

/// <summary>Issue #11 item 7: Kota Cimahi's annual report on last year's kerja sama daerah, generated from the demo data
/// and recorded as sent to the Gubernur Jawa Barat in the first week of January, so pembina.jabar finds it in the recap
/// (/app/laporan-tahunan/rekap) next to the kab/kota that have not sent theirs.</summary>
internal static class DemoUpwardReports
{
    public static async Task SeedAsync(Func<JalinDb> newDb, FileStore files, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people, CancellationToken ct)
    {
        if (!people.TryGetValue("kerjasama.cimahi", out var officer)) return;
        var year = today.Year - 1;
        var sentOn = new DateOnly(today.Year, 1, 6);
        if (sentOn > today) sentOn = today;
        var clock = new DemoData.DemoClock(today);
        await using var db = newDb();
        var draft = await UpwardReporting.GenerateAsync(db, files, null, officer, new UpwardGenerateInput(year), clock, ct);
        if (!draft.Ok) return;
        await UpwardReporting.SendAsync(db, files, null, officer, draft.Value!.Id, new UpwardSendInput("000.1.6/015/Pem", sentOn), clock, ct);
    }
}

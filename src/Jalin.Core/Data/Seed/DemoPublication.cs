using Jalin.Core.Agreements;
using Jalin.Core.Identity;
using Jalin.Core.Publication;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Issue #12 item 2: the Bagian Kerja Sama of Kota Cimahi, Kabupaten Garut and Provinsi Jawa Barat publish their
/// signed agreements on the portal with their signed texts, one with its value kept confidential; each region keeps one
/// signed agreement unpublished, so the portal's boundary is visible in the demo (and tested over it).</summary>
internal static class DemoPublication
{
    public static readonly string[] Officers = ["kerjasama.cimahi", "kerjasama.garut", "kerjasama.jabar"];

    public static async Task SeedAsync(Func<JalinDb> newDb, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people, CancellationToken ct)
    {
        var clock = new DemoData.DemoClock(today);
        foreach (var name in Officers)
        {
            if (!people.TryGetValue(name, out var officer) || officer.RegionCode is not { } region) continue;
            List<Agreement> signed;
            await using (var db = newDb())
            {
                signed = (await db.Agreements.AsNoTracking().Include(a => a.Documents).Where(a => a.RegionCode == region).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(ct))
                    .Where(PublishAgreement.IsSigned).ToList();
            }
            // The newest signed agreement stays unpublished: the officer has not decided yet.
            foreach (var (a, i) in signed.SkipLast(1).Select((a, i) => (a, i)))
            {
                await using var db = newDb();
                var docs = a.Documents.Where(d => PublishAgreement.WhyNotPublic(d) is null).Select(d => d.Id).ToList();
                string[] hidden = i == 1 ? ["value"] : [];
                await PublishAgreement.PublishAsync(db, officer, a.Id, new PublicationInput(hidden, docs), clock, ct);
            }
        }
    }
}

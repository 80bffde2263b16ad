using System.Text.Json;
using Jalin.Core.Audit;

namespace Jalin.Core.Tests.Audit;

/// <summary>The audit snapshot's own JSON writer gives exactly what JsonSerializer gives for the same values (the text the
/// chain hashes and people read), for every kind of value a snapshot holds, escaping included.</summary>
public sealed class SnapshotJsonTests
{
    [Fact]
    public void Writes_what_JsonSerializer_writes_for_every_value_kind()
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Judul"] = "Kerja sama <pengelolaan> sampah & \"air\" — Cimahi’s é 'x' +1",
            ["Nihil"] = null, ["Aktif"] = true, ["Tidak"] = false, ["Urutan"] = 42, ["Nilai"] = 1_500_000_000L, ["Negatif"] = -7,
            ["Id"] = Guid.Parse("0b3f2c1e-7a44-4b1f-9d3e-2f6a1b2c3d4e"), ["Mulai"] = new DateOnly(2026, 11, 30), ["Jam"] = new TimeOnly(8, 30),
            ["Pecahan"] = 0.1 + 0.2, ["Daftar"] = new List<string> { "2.11", "2.12" }, ["Bait"] = new byte[] { 1, 2, 250 },
            ["Waktu"] = new DateTime(2026, 11, 30, 1, 2, 3, DateTimeKind.Utc), ["Kecil"] = (short)3, ["Uang"] = 250_000_000.50m,
        };
        Assert.Equal(JsonSerializer.Serialize(values), AuditInterceptor.SnapshotJson(values));
        Assert.Equal("{}", AuditInterceptor.SnapshotJson(new SortedDictionary<string, object?>(StringComparer.Ordinal)));
    }
}

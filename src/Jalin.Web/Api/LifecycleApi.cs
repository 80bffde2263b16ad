using Jalin.Core.Agreements;
using Jalin.Core.Lifecycle;

namespace Jalin.Web.Api;

public static class LifecycleApi
{
    public static void MapLifecycleApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/lifecycle").WithTags("Alur kerja sama");
        g.MapGet("", () => TypedResults.Ok(Enum.GetValues<CooperationKind>().Select(k => new { kind = k.ToString(), label = k.Label() })))
            .WithSummary("Jenis kerja sama yang memiliki tabel tahapan.");
        g.MapGet("/{kind}", (string kind) =>
            Enum.TryParse<CooperationKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k)
                ? Results.Ok(LifecycleDescription.Describe(k))
                : TypedResults.Problem($"Jenis kerja sama '{kind}' tidak dikenal. Pilih: {string.Join(", ", Enum.GetNames<CooperationKind>())}.", statusCode: 404, title: "Tidak ditemukan"))
            .WithSummary("Tabel tahapan satu jenis kerja sama: tahap, aksi, peran, syarat, tenggat, dasar hukum.");
    }
}

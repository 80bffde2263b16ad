using Jalin.Core.Agencies;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Partners;
using Jalin.Core.Regions;
using Jalin.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Web.Api;

public static class RegistryApi
{
    public static void MapRegionsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/regions").WithTags("Wilayah");
        g.MapGet("", async (JalinDb db, string? q, string? level, string? provinceCode, int? page, int? pageSize, CancellationToken ct) =>
        {
            RegionLevel? lv = null;
            if (level is { Length: > 0 })
            {
                if (!Enum.TryParse<RegionLevel>(level, true, out var parsed) || !Enum.IsDefined(parsed))
                    return Problems.From(ValidationError.Of("level", "Tingkat: Province, Regency atau City."));
                lv = parsed;
            }
            return (await RegionQueries.ListAsync(db, q, lv, provinceCode, page, pageSize, ct)).ToHttp();
        }).WithSummary("Provinsi dan kabupaten/kota dengan kode wilayah resmi.");
        g.MapGet("/{code}", async (JalinDb db, string code, CancellationToken ct) => (await RegionQueries.GetAsync(db, code, ct)).ToHttp());
        g.MapGet("/{code}/neighbours", async (JalinDb db, string code, CancellationToken ct) => (await RegionQueries.NeighboursAsync(db, code, ct)).ToHttp())
            .WithSummary("Daerah yang berbatasan darat (untuk KSDD wajib, PP 28/2018 Pasal 3 ayat (2)); kabupaten/kota juga berbatasan dengan provinsinya.");
        g.MapGet("/{code}/agencies", async (Actor actor, JalinDb db, string code, CancellationToken ct) => (await AgencyRegistry.ListAsync(db, actor, code, ct)).ToHttp())
            .WithTags("Perangkat daerah");
        g.MapPost("/{code}/agencies", async (Actor actor, JalinDb db, string code, AgencyInput? body, CancellationToken ct) =>
            body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                : (await AgencyRegistry.CreateAsync(db, actor, code, body, ct)).ToHttp(a => TypedResults.Created($"/api/v1/agencies/{a.Id}", a)))
            .WithTags("Perangkat daerah");
        api.MapPut("/agencies/{id:guid}", async (Actor actor, JalinDb db, Guid id, int? version, AgencyInput? body, CancellationToken ct) =>
            body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                : version is null ? Problems.From(ValidationError.Of("version", "Sertakan ?version= yang Anda ubah."))
                : (await AgencyRegistry.UpdateAsync(db, actor, id, version.Value, body, ct)).ToHttp()).WithTags("Perangkat daerah");
        api.MapGet("/affairs", async (JalinDb db, CancellationToken ct) =>
            TypedResults.Ok(await db.GovernmentAffairs.AsNoTracking().OrderBy(a => a.Code)
                .Select(a => new { a.Code, a.Name, Group = a.Group.ToString(), a.ProvincialOnly }).ToListAsync(ct)))
            .WithTags("Wilayah").WithSummary("32 urusan pemerintahan (UU 23/2014 Pasal 12).");
    }

    public static void MapPartnersApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/partners").WithTags("Mitra");
        g.MapGet("", async (Actor actor, JalinDb db, string? q, string? kind, int? page, int? pageSize, CancellationToken ct) =>
        {
            var k = ParsePartnerKind(kind);
            if (!k.Ok) return Problems.From(k.Error!);
            return (await PartnerRegistry.ListAsync(db, actor, q, k.Value, page, pageSize, ct)).ToHttp();
        });
        g.MapGet("/{id:guid}", async (Actor actor, JalinDb db, Guid id, CancellationToken ct) => (await PartnerRegistry.GetAsync(db, actor, id, ct)).ToHttp());
        g.MapPost("", async (Actor actor, JalinDb db, TimeProvider clock, PartnerInput? body, CancellationToken ct) =>
            body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                : (await PartnerRegistry.CreateAsync(db, actor, body, clock, ct)).ToHttp(p => TypedResults.Created($"/api/v1/partners/{p.Partner.Id}", p)))
            .WithSummary("Tambah mitra; jawaban memuat peringatan kemungkinan duplikat (NIB/NPWP sama atau nama mirip).");
        g.MapPut("/{id:guid}", async (Actor actor, JalinDb db, Guid id, int? version, PartnerInput? body, CancellationToken ct) =>
            body is null ? Problems.From(ValidationError.Of("body", "Isi permintaan kosong."))
                : version is null ? Problems.From(ValidationError.Of("version", "Sertakan ?version= yang Anda ubah."))
                : (await PartnerRegistry.UpdateAsync(db, actor, id, version.Value, body, ct)).ToHttp());
    }

    /// <summary>The partner list's kind filter (empty: every kind); an unknown kind is a 400 naming the kinds.</summary>
    public static Result<PartnerKind?> ParsePartnerKind(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind)) return (PartnerKind?)null;
        if (!Enum.TryParse<PartnerKind>(kind, true, out var parsed) || !Enum.IsDefined(parsed))
            return ValidationError.Of("kind", $"Jenis mitra tidak dikenal: {string.Join(", ", Enum.GetNames<PartnerKind>())}.");
        return (PartnerKind?)parsed;
    }
}

using Jalin.Core.Agreements;
using Jalin.Core.Lifecycle;

namespace Jalin.Core.Drafting;

/// <summary>The kinds of clause (pasal) a naskah is built from; a clause in the library is
/// marked with the type it satisfies (DOMAIN §4).</summary>
public enum ClauseType
{
    Title,
    Parties,
    LegalBasis,
    Purpose,
    Object,
    Scope,
    Implementation,
    RightsAndObligations,
    Financing,
    Term,
    Monitoring,
    Amendment,
    ForceMajeure,
    DisputeResolution,
    Sanctions,
    Termination,
    AssetsAfterEnd,
    JointWorkingGroup,
    Correspondence,
    Closing,
}

public static class ClauseTypeLabels
{
    public static string Label(this ClauseType t) => t switch
    {
        ClauseType.Title => "Judul, nomor para pihak, tempat dan tanggal (dengan huruf)",
        ClauseType.Parties => "Identitas para pihak dan dasar kewenangannya",
        ClauseType.LegalBasis => "Dasar hukum",
        ClauseType.Purpose => "Maksud dan tujuan",
        ClauseType.Object => "Objek",
        ClauseType.Scope => "Ruang lingkup",
        ClauseType.Implementation => "Pelaksanaan",
        ClauseType.RightsAndObligations => "Hak dan kewajiban para pihak",
        ClauseType.Financing => "Pembiayaan",
        ClauseType.Term => "Jangka waktu",
        ClauseType.Monitoring => "Pemantauan, evaluasi dan pelaporan",
        ClauseType.Amendment => "Perubahan (addendum/amandemen)",
        ClauseType.ForceMajeure => "Keadaan kahar",
        ClauseType.DisputeResolution => "Penyelesaian perselisihan",
        ClauseType.Sanctions => "Sanksi",
        ClauseType.Termination => "Pengakhiran",
        ClauseType.AssetsAfterEnd => "Status aset dan hasil setelah berakhir",
        ClauseType.JointWorkingGroup => "Kelompok kerja bersama",
        ClauseType.Correspondence => "Korespondensi dan domisili hukum",
        ClauseType.Closing => "Penutup (rangkap, meterai, tanda tangan)",
        _ => t.ToString(),
    };
}

/// <summary>What a compliance check looks at: the agreement, the naskah form being drafted and
/// the clause types the draft contains.</summary>
public sealed record MuatanContext(Agreement Agreement, DocumentKind Form, IReadOnlySet<ClauseType> Clauses, Regions.GovernmentAffair? Affair,
    IReadOnlyDictionary<string, Regions.RegionLevel> PartyRegionLevels, DateOnly? LoiValidUntil = null);

/// <summary>One required (or usual) element of a naskah, with where the law says so and how sure
/// that is ([V] verified, [V-local] one region's practice, [I] inferred, [U] unknown).</summary>
public sealed record MuatanRule(string Code, string Label, IReadOnlyList<DocumentKind> Forms, bool Required, string Basis,
    Func<MuatanContext, bool> IsMet, Func<MuatanContext, bool>? AppliesWhen = null)
{
    /// <summary>For a rule that asks for a pasal: its type (what a template must contain).</summary>
    public ClauseType? Clause { get; init; }
}

public sealed record ComplianceItem(string Code, string Label, bool Met, bool Required, string Basis);

/// <summary>The muatan table: the law about a naskah's contents, written once. The drafting
/// checklist, the block before signing and the documentation all read it.</summary>
public static class Muatan
{
    private static readonly DocumentKind[] Kb = [DocumentKind.KesepakatanBersama];
    private static readonly DocumentKind[] Pks = [DocumentKind.PerjanjianKerjaSama];
    private static readonly DocumentKind[] Nk = [DocumentKind.NotaKesepakatan];
    private static readonly DocumentKind[] Foreign = [DocumentKind.NaskahLuarNegeri];
    private static readonly DocumentKind[] Loi = [DocumentKind.PernyataanKehendak];
    private static readonly DocumentKind[] Rks = [DocumentKind.RencanaKerjaSama];

    private static MuatanRule Clause(ClauseType type, DocumentKind[] forms, bool required, string basis) =>
        new($"clause:{type}", type.Label(), forms, required, basis, ctx => ctx.Clauses.Contains(type)) { Clause = type };

    public static IReadOnlyList<MuatanRule> Rules { get; } =
    [
        // §4.1 Kesepakatan Bersama (and Nota Kesepakatan, same shape) [I]
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.Purpose, ClauseType.Scope, ClauseType.Implementation, ClauseType.Financing,
                ClauseType.Term, ClauseType.Amendment, ClauseType.DisputeResolution, ClauseType.Closing }
            .Select(t => Clause(t, [.. Kb, .. Nk], true, "DOMAIN §4.1 (susunan kerja dari PP 50/2007, Permendagri 25/2020 Ps 20 dan praktik) [I]")),
        Clause(ClauseType.LegalBasis, [.. Kb, .. Nk], false, "lazim dalam praktik [I]"),
        Clause(ClauseType.ForceMajeure, [.. Kb, .. Nk], false, "lazim dalam praktik [I]"),

        // §4.2 Perjanjian Kerja Sama: verified minimums first
        .. new[] { ClauseType.Object, ClauseType.Scope, ClauseType.RightsAndObligations, ClauseType.Term, ClauseType.Termination, ClauseType.ForceMajeure,
                ClauseType.DisputeResolution }
            .Select(t => Clause(t, Pks, true, "PP 50/2007 (subjek, objek, ruang lingkup, hak dan kewajiban, jangka waktu, pengakhiran, keadaan memaksa, penyelesaian perselisihan) [V]; UU 23/2014 Ps 366(2) [V]")),
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.LegalBasis, ClauseType.Purpose, ClauseType.Implementation, ClauseType.Financing,
                ClauseType.Monitoring, ClauseType.Amendment, ClauseType.Closing }
            .Select(t => Clause(t, Pks, true, "DOMAIN §4.2 susunan kerja (praktik; pelaporan PP 28/2018 Ps 6(1)j) [I]")),
        Clause(ClauseType.AssetsAfterEnd, Pks, false, "PP 28/2018 Ps 20 [V]; praktik"),
        Clause(ClauseType.Correspondence, Pks, false, "praktik [I]"),
        new("ksdpk-sanctions", "KSDPK: pasal sanksi", Pks, true, "UU 23/2014 Ps 366(2); PP 28/2018 Ps 19 [V]",
            ctx => ctx.Clauses.Contains(ClauseType.Sanctions), ctx => ctx.Agreement.Kind == CooperationKind.Ksdpk),
        new("ksdpk-feasibility", "KSDPK: studi kelayakan terlampir", Pks, true, "UU 23/2014 Ps 366(3); PP 28/2018 Ps 19 [V]",
            ctx => ctx.Agreement.Documents.Any(d => d.Kind == DocumentKind.FeasibilityStudy), ctx => ctx.Agreement.Kind == CooperationKind.Ksdpk),
        new("pks-names-kb", "PKS merujuk Kesepakatan Bersama yang dilaksanakannya", Pks, true, "PP 28/2018 Ps 6(1)f [V]",
            ctx => ctx.Agreement.Documents.Any(d => d.Kind == DocumentKind.KesepakatanBersama),
            ctx => ctx.Agreement.Kind is CooperationKind.KsddWajib or CooperationKind.KsddSukarela or CooperationKind.Ksdpk),
        new("power-of-attorney", "Surat kuasa bagi penanda tangan yang bukan kepala daerah", [.. Pks, .. Kb], true, "PP 28/2018 Ps 2(2) [V]",
            ctx => Prerequisites.HasPowerOfAttorney(ctx.Agreement), ctx => Prerequisites.NeedsPowerOfAttorney(ctx.Agreement)),
        // The owning region's number is given by Jalin when the final is issued (its pattern), so a draft needs the others' numbers.
        new("party-numbers", "Nomor naskah dari setiap pihak lain (nomor daerah pemilik diberikan saat naskah final diterbitkan)", [.. Kb, .. Pks, .. Nk, .. Foreign], true,
            "DOMAIN §4.5 (dua nomor) [V]",
            ctx => ctx.Agreement.Parties.Count >= 2
                   && ctx.Agreement.Parties.Where(p => p.RegionCode != ctx.Agreement.RegionCode).All(p => !string.IsNullOrWhiteSpace(p.DocumentNumber))),
        new("dprd-first", "Persetujuan DPRD sebelum PKS (membebani masyarakat/daerah atau belum dianggarkan dalam APBD)", Pks, true, "PP 28/2018 Ps 6(2) [V]",
            ctx => Prerequisites.DprdHasApproved(ctx.Agreement), ctx => LifecycleEngine.NeedsDprd(ctx.Agreement)),
        new("affair-competence", "Urusan dalam kewenangan setiap pihak (kehutanan, kelautan, ESDM: provinsi)", [.. Kb, .. Pks, .. Nk, .. Foreign], true,
            "UU 23/2014 Ps 14 dan lampiran [V]",
            ctx => ctx.Affair is null || ctx.PartyRegionLevels.Values.All(l => ctx.Affair.IsWithinCompetenceOf(l, ctx.Agreement.SubAffairCode))),

        // §4.3 Foreign naskah (Permendagri 25/2020 Ps 20) [V]
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.Purpose, ClauseType.Scope, ClauseType.Implementation, ClauseType.Financing,
                ClauseType.JointWorkingGroup, ClauseType.DisputeResolution, ClauseType.Amendment, ClauseType.Term, ClauseType.Termination, ClauseType.Closing }
            .Select(t => Clause(t, Foreign, true, "Permendagri 25/2020 Ps 20 [V]")),
        new("foreign-term-5y", "Jangka waktu paling lama 5 tahun", Foreign, true, "Permendagri 25/2020 Ps 32; PP 28/2018 Ps 32 [V]",
            ctx => Prerequisites.TermWithinFiveYears(ctx.Agreement)),
        // LoI (Ps 13) and RKS (Ps 15)
        .. new[] { ClauseType.Title, ClauseType.Parties, ClauseType.Purpose, ClauseType.Scope, ClauseType.Term, ClauseType.Closing }
            .Select(t => Clause(t, Loi, true, "Permendagri 25/2020 Ps 13 [V]")),
        new("loi-1y", "Masa berlaku LoI paling lama 1 tahun", Loi, true, "Permendagri 25/2020 Ps 13 [V]",
            ctx => ctx.LoiValidUntil is { } until && ctx.Agreement.StartsOn is { } s ? until <= s.AddYears(1) : ctx.LoiValidUntil is not null),
        .. new[] { ClauseType.Parties, ClauseType.Purpose, ClauseType.Object, ClauseType.Scope, ClauseType.Financing, ClauseType.Term }
            .Select(t => Clause(t, Rks, true, "Permendagri 25/2020 Ps 15 dan lampiran II [V]")),
    ];

    /// <summary>The checklist for a draft of <see cref="MuatanContext.Form"/>: every rule of that
    /// form that applies to this agreement, met or missing, with its basis.</summary>
    public static IReadOnlyList<ComplianceItem> Check(MuatanContext ctx) =>
        Rules.Where(r => r.Forms.Contains(ctx.Form) && (r.AppliesWhen?.Invoke(ctx) ?? true))
            .Select(r => new ComplianceItem(r.Code, r.Label, r.IsMet(ctx), r.Required, r.Basis))
            .ToList();

    /// <summary>docs/muatan.md: per naskah form, every element with whether it is required, when it
    /// applies and its basis.</summary>
    public static string Markdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("# Muatan naskah kerja sama (dihasilkan dari tabel muatan)");
        sb.AppendLine();
        sb.AppendLine("Berkas ini ditulis oleh `dotnet run --project src/Jalin.Cli -- drafting docs` dari `src/Jalin.Core/Drafting/Muatan.cs`. Jangan disunting manual.");
        sb.AppendLine("Tanda kepastian: [V] terverifikasi, [V-local] praktik satu daerah, [I] inferensi, [U] belum diketahui.");
        sb.AppendLine();
        foreach (var form in Rules.SelectMany(r => r.Forms).Distinct().OrderBy(f => f))
        {
            sb.AppendLine($"## {form.Label()} (`{form}`)");
            sb.AppendLine();
            sb.AppendLine("| kode | unsur | wajib | berlaku bila | dasar |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var r in Rules.Where(r => r.Forms.Contains(form)))
                sb.AppendLine($"| `{r.Code}` | {r.Label} | {(r.Required ? "wajib" : "lazim")} | {(Conditions.TryGetValue(r.Code, out var c) ? c : "selalu")} | {r.Basis.Replace("|", "\\|")} |");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static readonly Dictionary<string, string> Conditions = new()
    {
        ["ksdpk-sanctions"] = "KSDPK",
        ["ksdpk-feasibility"] = "KSDPK",
        ["pks-names-kb"] = "KSDD dan KSDPK",
        ["power-of-attorney"] = "penanda tangan pihak daerah bukan kepala daerah",
        ["dprd-first"] = "membebani masyarakat/daerah atau belum dianggarkan dalam APBD",
    };

    /// <summary>True when nothing required is missing (what "send to signing" will ask).</summary>
    public static bool IsComplete(IReadOnlyList<ComplianceItem> items) => items.All(i => i.Met || !i.Required);
}

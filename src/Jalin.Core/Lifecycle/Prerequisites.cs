using Jalin.Core.Agreements;

namespace Jalin.Core.Lifecycle;

/// <summary>The checkable "must exist first" items the lifecycle table refers to.</summary>
public static class Prerequisites
{
    public static Prerequisite Doc(DocumentKind kind) =>
        new($"doc:{kind}", $"Dokumen {kind.Label()} terlampir", ctx => ctx.Agreement.Documents.Any(d => d.Kind == kind));

    /// <summary>Sending a naskah to signing (ISSUE #3 §6): when it was drafted in Jalin, its latest
    /// draft has every required muatan (Drafting/Muatan.cs), or a leader overrode that version
    /// with a recorded reason. A naskah drafted outside Jalin is checked by people from its checklist.</summary>
    public static Prerequisite DraftReady(DocumentKind kind) =>
        new($"draft-ready:{kind}", $"Rancangan {kind.Label()} di Jalin memenuhi muatan wajib (atau dikecualikan pimpinan dengan alasan tercatat)",
            ctx => !ctx.Drafts.TryGetValue(kind, out var ready) || ready);

    public static Prerequisite Signed(DocumentKind kind) =>
        new($"signed:{kind}", $"{kind.Label()} yang telah ditandatangani (pindaian dan tanggal penandatanganan)",
            ctx => ctx.Agreement.Documents.Any(d => d.Kind == kind && d.IsSigned));

    // Facts about an agreement that the lifecycle table and the muatan table both ask; written once here.
    public static bool HasEveryPartyNumber(Agreement a) => a.Parties.Count >= 2 && a.Parties.All(p => !string.IsNullOrWhiteSpace(p.DocumentNumber));

    /// <summary>PP 28/2018 Ps 2(2): a region's signatory who is not its head signs under a surat kuasa.</summary>
    public static bool NeedsPowerOfAttorney(Agreement a) =>
        a.Parties.Any(p => p.RegionCode is not null && p.SignatoryOffice is not null && !IsHeadOfRegion(p.SignatoryOffice));

    public static bool HasPowerOfAttorney(Agreement a) => a.Documents.Any(d => d.Kind == DocumentKind.PowerOfAttorney);

    public static bool DprdHasApproved(Agreement a) => a.History.Any(h => h.Action is "record-dprd-approval" or "dprd-deemed-approved");

    public static bool TermWithinFiveYears(Agreement a) => a is { StartsOn: { } s, EndsOn: { } e } && e <= s.AddYears(5);

    public static readonly Prerequisite PartyNumbers = new("party-numbers", "Nomor naskah dari setiap pihak", ctx => HasEveryPartyNumber(ctx.Agreement));

    public static readonly Prerequisite MappingItem = new("mapping-item", "Hasil pemetaan urusan yang dilaksanakan (PP 28/2018 Ps 5)",
        ctx => !string.IsNullOrWhiteSpace(ctx.Agreement.MappingReference));

    /// <summary>All parties border per the land-border data, or the officer confirmed it with a written reason (Regions/Borders.cs).</summary>
    public static readonly Prerequisite Bordering = new("bordering", "Para pihak saling berbatasan menurut data batas wilayah, atau dikonfirmasi petugas dengan alasan (PP 28/2018 Pasal 3 ayat (2))",
        ctx => Regions.KsddBordering.IsMet(ctx.Agreement));

    public static readonly Prerequisite PksNamesKb = new("pks-names-kb", "Rancangan PKS merujuk Kesepakatan Bersama yang dilaksanakannya",
        ctx => ctx.Agreement.Documents.Any(d => d.Kind == DocumentKind.PerjanjianKerjaSama && d.ParentDocumentId is { } parent
            && ctx.Agreement.Documents.Any(k => k.Id == parent && k.Kind == DocumentKind.KesepakatanBersama)));

    private static readonly string[] HeadOfRegionOffices = ["gubernur", "bupati", "wali kota", "walikota", "wakil gubernur", "wakil bupati", "wakil wali kota"];

    public static bool IsHeadOfRegion(string? office) =>
        office is not null && HeadOfRegionOffices.Any(h => office.Trim().StartsWith(h, StringComparison.OrdinalIgnoreCase));

    public static readonly Prerequisite PowerOfAttorneyWhereNeeded = new("power-of-attorney", "Surat kuasa bagi penanda tangan yang bukan kepala daerah (PP 28/2018 Ps 2(2))",
        ctx => !NeedsPowerOfAttorney(ctx.Agreement) || HasPowerOfAttorney(ctx.Agreement));

    public static readonly Prerequisite EndDateSet = new("term", "Tanggal mulai dan berakhir kerja sama diisi",
        ctx => ctx.Agreement is { StartsOn: not null, EndsOn: not null } a && a.EndsOn > a.StartsOn);

    public static readonly Prerequisite ForeignTermWithinFiveYears = new("term-5-years", "Jangka waktu paling lama 5 tahun (Permendagri 25/2020 Ps 32)",
        ctx => TermWithinFiveYears(ctx.Agreement));

    public static readonly Prerequisite DprdRequested = new("dprd-requested", "Permohonan persetujuan DPRD telah diajukan",
        ctx => ctx.Agreement.DueAction == "dprd-deemed-approved");

    public static readonly Prerequisite DeemedApprovalOn = new("deemed-approval-setting", "Persetujuan diam-diam DPRD berlaku di daerah ini (pengaturan)",
        ctx => ctx.Settings.DprdDeemedApproval);

    public static readonly Prerequisite Always = new("none", "—", _ => true);

    public static readonly Prerequisite DprdApprovedOrForwarding = new("dprd-approved", "Persetujuan DPRD (tidak diperlukan untuk KSDLL penerusan)",
        ctx => ctx.Agreement.IsForwarding || DprdHasApproved(ctx.Agreement));

    public static readonly Prerequisite NewSignedAddendum = new("signed-addendum", "Addendum baru yang ditandatangani, sebagai turunan KB/PKS",
        ctx => ctx.Agreement.Documents.Count(d => d.Kind == DocumentKind.Addendum && d.IsSigned && d.ParentDocumentId is not null)
            > ctx.Agreement.History.Count(h => h.Action is "amend" or "extend"));

    public static readonly Prerequisite SixMonthsBeforeEnd = new("six-months", "Diajukan paling lambat 6 bulan sebelum tanggal berakhir (Permendagri 25/2020 Ps 33)",
        ctx => ctx.Agreement.EndsOn is { } end && ctx.Today <= end.AddMonths(-6));
}

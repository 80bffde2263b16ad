using Jalin.Core.Agreements;

namespace Jalin.Core.Lifecycle;

/// <summary>The checkable "must exist first" items the lifecycle table refers to.</summary>
public static class Prerequisites
{
    public static Prerequisite Doc(DocumentKind kind) =>
        new($"doc:{kind}", $"Dokumen {kind.Label()} terlampir", ctx => ctx.Agreement.RecordDocuments().Any(d => d.Kind == kind));

    /// <summary>Sending a naskah to signing (ISSUE #3 §6): when it was drafted in Jalin, its latest
    /// draft has every required muatan (Drafting/Muatan.cs), or a leader overrode that version
    /// with a recorded reason. A naskah drafted outside Jalin is checked by people from its checklist.</summary>
    public static Prerequisite DraftReady(DocumentKind kind) =>
        new($"draft-ready:{kind}", $"Rancangan {kind.Label()} di Jalin memenuhi muatan wajib (atau dikecualikan pimpinan dengan alasan tercatat)",
            ctx => !ctx.Drafts.TryGetValue(kind, out var ready) || ready);

    public static Prerequisite Signed(DocumentKind kind) =>
        new($"signed:{kind}", $"{kind.Label()} yang telah ditandatangani (pindaian dan tanggal penandatanganan)",
            ctx => ctx.Agreement.RecordDocuments().Any(d => d.Kind == kind && d.IsSigned));

    // Facts about an agreement that the lifecycle table and the muatan table both ask; written once here.
    public static bool HasEveryPartyNumber(Agreement a) => a.Parties.Count >= 2 && a.Parties.All(p => !string.IsNullOrWhiteSpace(p.DocumentNumber));

    /// <summary>PP 28/2018 Ps 2(2), Ps 13(2): a region's signatory of the PKS who is not its head (nor a Pj./Plt.) signs under a surat kuasa.</summary>
    public static bool NeedsPowerOfAttorney(Agreement a) =>
        a.Parties.Any(p => p.RegionCode is not null && Signatories.Standing(p.SignatoryOffice) == SignatoryStanding.Other);

    /// <summary>PP 28/2018 Ps 2(1), Ps 13(1): the KB is signed by the heads of region themselves (a Pj. or Plt. counts as the head).</summary>
    public static bool RegionSignatoriesAreHeads(Agreement a) =>
        a.Parties.Where(p => p.RegionCode is not null).All(p => Signatories.ActsAsHead(p.SignatoryOffice));

    public static bool HasPowerOfAttorney(Agreement a) => a.RecordDocuments().Any(d => d.Kind == DocumentKind.PowerOfAttorney);

    public static bool DprdHasApproved(Agreement a) => a.History.Any(h => ActionCode.RecordDprdApproval.Is(h.Action) || ActionCode.DprdDeemedApproved.Is(h.Action));

    /// <summary>Permendagri 25/2020 Ps 32: a foreign agreement runs at most <see cref="LifecycleTable.ForeignMaxTerm"/>.</summary>
    public static bool TermWithinFiveYears(Agreement a) => a is { StartsOn: { } s, EndsOn: { } e } && e <= LifecycleTable.ForeignMaxTerm.After(s, WorkingDayCalendar.WeekendsOnly);

    /// <summary>KSDLL penerusan skips the DPRD only where the region's setting follows Permendagri 25/2020 Ps 16;
    /// by default PP 28/2018 Ps 38 (applying Ps 30) sends it to the DPRD like every other KSDLL.</summary>
    public static bool SkipsDprd(Agreement a, LifecycleSettings s) => a.Kind == CooperationKind.Ksdll && a.IsForwarding && s.KsdllForwardingSkipsDprd;

    /// <summary>The answer to the offer: the owner's record of it, or the answer letter the addressed party region attached
    /// itself and shared (its OfferAnswer). This is the one paper of a party region that counts for the owner's process;
    /// every other prerequisite reads only <see cref="AgreementAccess.RecordDocuments"/>.</summary>
    public static readonly Prerequisite OfferAnswered = new($"doc:{DocumentKind.OfferAnswer}", $"Dokumen {DocumentKind.OfferAnswer.Label()} terlampir (dari daerah pemilik atau dibagikan daerah yang ditawari)",
        ctx => ctx.Agreement.RecordDocuments().Any(d => d.Kind == DocumentKind.OfferAnswer) || PartyAnswerShared(ctx.Agreement));

    public static bool PartyAnswerShared(Agreement a) => a.Documents.Any(d => d.Kind == DocumentKind.OfferAnswer && d.Visibility == DocumentVisibility.Shared
        && AgreementAccess.DocumentRegion(a, d) is var region && region != a.RegionCode && a.Parties.Any(p => p.RegionCode == region));

    public static readonly Prerequisite PartyNumbers = new("party-numbers", "Nomor naskah dari setiap pihak", ctx => HasEveryPartyNumber(ctx.Agreement));

    public static readonly Prerequisite MappingItem = new("mapping-item", "Hasil pemetaan urusan yang dilaksanakan (PP 28/2018 Pasal 5)",
        ctx => !string.IsNullOrWhiteSpace(ctx.Agreement.MappingReference));

    /// <summary>All parties border per the land-border data, or the officer confirmed it with a written reason (Regions/Borders.cs).</summary>
    public static readonly Prerequisite Bordering = new("bordering", "Para pihak saling berbatasan menurut data batas wilayah, atau dikonfirmasi petugas dengan alasan (PP 28/2018 Pasal 3 ayat (2))",
        ctx => Regions.KsddBordering.IsMet(ctx.Agreement));

    public static readonly Prerequisite PksNamesKb = new("pks-names-kb", "Rancangan PKS merujuk Kesepakatan Bersama yang dilaksanakannya",
        ctx => ctx.Agreement.RecordDocuments().Any(d => d.Kind == DocumentKind.PerjanjianKerjaSama && d.ParentDocumentId is { } parent
            && ctx.Agreement.RecordDocuments().Any(k => k.Id == parent && k.Kind == DocumentKind.KesepakatanBersama)));

    public static readonly Prerequisite PowerOfAttorneyWhereNeeded = new("power-of-attorney",
        "Surat kuasa bagi penanda tangan PKS yang bukan kepala daerah (PP 28/2018 Pasal 2 ayat (2), Pasal 13 ayat (2))",
        ctx => !NeedsPowerOfAttorney(ctx.Agreement) || HasPowerOfAttorney(ctx.Agreement));

    public static readonly Prerequisite KbSignedByHeads = new("kb-signatories",
        "Penanda tangan Kesepakatan Bersama dari setiap daerah adalah kepala daerah sendiri, atau Pj./Plt. kepala daerah (PP 28/2018 Pasal 2 ayat (1), Pasal 13 ayat (1); surat kuasa hanya untuk PKS)",
        ctx => RegionSignatoriesAreHeads(ctx.Agreement));

    public static readonly Prerequisite OwnRegimeBasisRecorded = new("own-regime-basis",
        "Dasar hukum dan bentuk perjanjian menurut peraturan bidangnya dicatat (PP 28/2018 Pasal 15 ayat (3) dan (4))",
        ctx => !string.IsNullOrWhiteSpace(ctx.Agreement.OwnRegimeBasis));

    public static readonly Prerequisite NkWorkPlan = new("nk-work-plan",
        "Lampiran Rencana Kerja Nota Kesepakatan (terlampir, atau bagian rancangan Nota Kesepakatan di Jalin)",
        ctx => HasWorkPlanAttached(ctx.Agreement) || ctx.Drafts.ContainsKey(DocumentKind.NotaKesepakatan));

    /// <summary>The Rencana Kerja of a Nota Kesepakatan attached as a document (the muatan table also accepts it as a pasal).</summary>
    public static bool HasWorkPlanAttached(Agreement a) => a.RecordDocuments().Any(d => d.Kind is DocumentKind.WorkPlanAnnex or DocumentKind.AnnualActivityPlan);

    public static readonly Prerequisite EndDateSet = new("term", "Tanggal mulai dan berakhir kerja sama diisi",
        ctx => ctx.Agreement is { StartsOn: not null, EndsOn: not null } a && a.EndsOn > a.StartsOn);

    public static readonly Prerequisite ForeignTermWithinLimit = new("term-5-years", $"Jangka waktu paling lama {LifecycleTable.ForeignMaxTerm.Text} (Permendagri 25/2020 Pasal 32)",
        ctx => TermWithinFiveYears(ctx.Agreement));

    public static readonly Prerequisite DprdRequested = new("dprd-requested", "Permohonan persetujuan DPRD telah diajukan",
        ctx => ActionCode.DprdDeemedApproved.Is(ctx.Agreement.DueAction));

    public static readonly Prerequisite DeemedApprovalOn = new("deemed-approval-setting", "Persetujuan diam-diam DPRD berlaku di daerah ini (pengaturan)",
        ctx => ctx.Settings.DprdDeemedApproval);

    public static readonly Prerequisite Always = new("none", "—", _ => true);

    public static readonly Prerequisite DprdApprovedOrNotNeeded = new("dprd-approved",
        "Persetujuan DPRD (PP 28/2018 Pasal 30 dan 38; KSDLL penerusan tanpa DPRD hanya bila pengaturan daerah mengikuti Permendagri 25/2020 Pasal 16)",
        ctx => SkipsDprd(ctx.Agreement, ctx.Settings) || DprdHasApproved(ctx.Agreement));

    public static readonly Prerequisite NewSignedAddendum = new("signed-addendum", "Addendum baru yang ditandatangani, sebagai turunan KB/PKS",
        ctx => ctx.Agreement.RecordDocuments().Count(d => d.Kind == DocumentKind.Addendum && d.IsSigned && d.ParentDocumentId is not null)
            > ctx.Agreement.History.Count(h => ActionCode.Amend.Is(h.Action) || ActionCode.Extend.Is(h.Action)));

    public static readonly Prerequisite ExtensionRequestedInTime = new("six-months",
        $"Diajukan paling lambat {LifecycleTable.ForeignExtensionLead.Text} sebelum tanggal berakhir (Permendagri 25/2020 Pasal 33)",
        ctx => ctx.Agreement.EndsOn is { } end && ctx.Today <= LifecycleTable.ForeignExtensionLead.Before(end));
}

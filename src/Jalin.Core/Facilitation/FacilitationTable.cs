using Jalin.Core.Identity;

namespace Jalin.Core.Facilitation;

/// <summary>Who makes a move: the serving region's Bagian Kerja Sama (the desk) or the requester.</summary>
public enum FacilitationActor { Desk, Requester }

/// <summary>One move of a facilitation request: from which statuses, to which, by whom, whether a note is required.</summary>
public sealed record FacilitationMove(FacilitationAction Action, FacilitationStatus[] From, FacilitationStatus To, FacilitationActor By, bool NoteRequired);

/// <summary>The facilitation request's lifecycle as one table. The law sets no procedure for a region's facilitation
/// desk: this is pengaturan daerah (the "layanan fasilitasi" of Sumatera Barat's KERABAT, Kutai Kartanegara's TKKSD).
/// Only the koordinasi teknis of mandatory cooperation has a legal basis: PP 28/2018 Pasal 5 ayat (2) huruf a (the
/// bordering kab/kota discuss their mapping in a koordinasi teknis at the provincial level) and ayat (3) (the result
/// is agreed by the heads of the regions that cooperate).</summary>
public static class FacilitationTable
{
    public const string Practice = "Pengaturan daerah: tata cara layanan fasilitasi tidak diatur dalam UU 23/2014 maupun PP 28/2018.";
    public const string CoordinationBasis = "PP 28/2018 Pasal 5 ayat (2) huruf a: pemetaan urusan kerja sama wajib antardaerah kabupaten/kota dalam satu provinsi dibahas dalam koordinasi teknis di tingkat provinsi; Pasal 5 ayat (3): hasilnya disepakati bersama oleh kepala daerah yang bekerja sama.";

    public static IReadOnlyList<FacilitationMove> Moves { get; } =
    [
        new(FacilitationAction.Take, [FacilitationStatus.Submitted], FacilitationStatus.InProgress, FacilitationActor.Desk, false),
        new(FacilitationAction.AskRequester, [FacilitationStatus.InProgress], FacilitationStatus.AwaitingRequester, FacilitationActor.Desk, true),
        new(FacilitationAction.Respond, [FacilitationStatus.AwaitingRequester], FacilitationStatus.InProgress, FacilitationActor.Requester, false),
        new(FacilitationAction.Complete, [FacilitationStatus.InProgress, FacilitationStatus.AwaitingRequester], FacilitationStatus.Completed, FacilitationActor.Desk, true),
        new(FacilitationAction.Reject, [FacilitationStatus.Submitted, FacilitationStatus.InProgress, FacilitationStatus.AwaitingRequester], FacilitationStatus.Rejected, FacilitationActor.Desk, true),
    ];

    public static FacilitationMove Of(FacilitationAction action) => Moves.Single(m => m.Action == action);

    /// <summary>Whether the actor is the serving region's desk (a Bagian Kerja Sama officer of that region).</summary>
    public static bool IsDesk(CurrentActor actor, FacilitationRequest r) => actor.Role == Role.CooperationOfficer && actor.RegionCode == r.RegionCode;

    /// <summary>Whether the actor speaks for the requester: the user who filed it, an OPD colleague of the same OPD,
    /// or an officer of the requesting region (for a request one region filed with another).</summary>
    public static bool IsRequester(CurrentActor actor, FacilitationRequest r) =>
        actor.UserId == r.RequesterUserId
        || (r.RequesterRole == Role.AgencyUser && actor.Role == Role.AgencyUser && actor.AgencyId == r.RequesterAgencyId && actor.RegionCode == r.RequesterRegionCode)
        || (r.RequesterRole == Role.CooperationOfficer && actor.Role == Role.CooperationOfficer && actor.RegionCode == r.RequesterRegionCode && r.RequesterRegionCode != r.RegionCode);

    /// <summary>Null when the actor may make the move now; otherwise why not, and whether it is the actor (forbidden) or the status (conflict).</summary>
    public static (string Message, bool Forbidden)? Refusal(CurrentActor actor, FacilitationRequest r, FacilitationAction action)
    {
        var move = Of(action);
        var allowed = move.By == FacilitationActor.Desk ? IsDesk(actor, r) : IsRequester(actor, r);
        if (!allowed)
            return (move.By == FacilitationActor.Desk
                ? "Hanya petugas Bagian Kerja Sama daerah yang melayani permohonan ini yang dapat melakukan ini."
                : "Hanya pemohon yang dapat menjawab permintaan petugas.", true);
        if (!move.From.Contains(r.Status))
            return ($"Permohonan berstatus {r.Status.Label()}; {action.Label().ToLowerInvariant()} hanya dari status {string.Join(" atau ", move.From.Select(s => s.Label()))}.", false);
        return null;
    }

    public static IReadOnlyList<FacilitationAction> Available(CurrentActor actor, FacilitationRequest r) =>
        Moves.Where(m => Refusal(actor, r, m.Action) is null).Select(m => m.Action).ToList();
}

public static class FacilitationLabels
{
    public static string Label(this FacilitationKind k) => k switch
    {
        FacilitationKind.Consultation => "Konsultasi",
        FacilitationKind.DraftReview => "Telaah rancangan naskah",
        FacilitationKind.SigningAssistance => "Pendampingan penandatanganan",
        FacilitationKind.MappingAssistance => "Pendampingan pemetaan",
        FacilitationKind.MandatoryCoordination => "Koordinasi teknis kerja sama wajib",
        _ => k.ToString(),
    };

    public static string Label(this FacilitationStatus s) => s switch
    {
        FacilitationStatus.Submitted => "Diajukan",
        FacilitationStatus.InProgress => "Diproses",
        FacilitationStatus.AwaitingRequester => "Menunggu pemohon",
        FacilitationStatus.Completed => "Selesai",
        FacilitationStatus.Rejected => "Ditolak",
        _ => s.ToString(),
    };

    public static string Label(this FacilitationAction a) => a switch
    {
        FacilitationAction.Take => "Proses",
        FacilitationAction.AskRequester => "Minta tanggapan pemohon",
        FacilitationAction.Respond => "Kirim tanggapan",
        FacilitationAction.Complete => "Selesaikan",
        FacilitationAction.Reject => "Tolak",
        _ => a.ToString(),
    };

    public static string Code(this FacilitationAction a) => a switch
    {
        FacilitationAction.AskRequester => "ask-requester",
        _ => a.ToString().ToLowerInvariant(),
    };

    public static FacilitationAction? ParseAction(string? code) =>
        Enum.GetValues<FacilitationAction>().Cast<FacilitationAction?>().FirstOrDefault(a => string.Equals(a!.Value.Code(), code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Who sees which request: the serving region's Bagian Kerja Sama and leaders see the region's requests;
/// the requester sees their own (an OPD the requests of its OPD; a region's officers the requests their region
/// filed with another region); nobody else (404).</summary>
public static class FacilitationAccess
{
    public static IQueryable<FacilitationRequest> VisibleTo(this IQueryable<FacilitationRequest> q, CurrentActor actor)
    {
        var region = actor.RegionCode;
        var agency = actor.AgencyId;
        var user = actor.UserId;
        return actor.Role switch
        {
            Role.System => q,
            Role.CooperationOfficer when region is not null => q.Where(r => r.RegionCode == region || r.RequesterUserId == user
                || (r.RequesterRole == Role.CooperationOfficer && r.RequesterRegionCode == region)),
            Role.Leader when region is not null => q.Where(r => r.RegionCode == region),
            Role.AgencyUser when region is not null && agency is not null => q.Where(r => r.RequesterUserId == user
                || (r.RequesterRole == Role.AgencyUser && r.RequesterAgencyId == agency && r.RequesterRegionCode == region)),
            Role.PartnerUser => q.Where(r => r.RequesterUserId == user),
            _ => q.Where(r => false),
        };
    }

    /// <summary>Null when the actor may file a request with <paramref name="servingRegion"/>, else why not.</summary>
    public static string? CreateRefusal(CurrentActor actor, string servingRegion, FacilitationKind kind)
    {
        switch (actor.Role)
        {
            case Role.AgencyUser when actor.AgencyId is not null && actor.RegionCode is not null:
                if (servingRegion != actor.RegionCode) return "Perangkat daerah mengajukan permohonan fasilitasi kepada Bagian Kerja Sama daerahnya sendiri.";
                break;
            case Role.CooperationOfficer when actor.RegionCode is not null:
                if (servingRegion == actor.RegionCode) return "Petugas Bagian Kerja Sama mengajukan permohonan kepada daerah lain (misalnya Biro Pemerintahan provinsi), bukan kepada daerahnya sendiri.";
                break;
            case Role.PartnerUser:
                break;
            default:
                return "Permohonan fasilitasi diajukan oleh perangkat daerah (OPD), petugas Bagian Kerja Sama daerah lain, atau mitra.";
        }
        if (kind == FacilitationKind.MandatoryCoordination)
        {
            // PP 28/2018 Pasal 5 ayat (2) huruf a: the kab/kota of one province meet in the province's koordinasi teknis.
            if (servingRegion.Contains('.')) return "Koordinasi teknis kerja sama wajib antardaerah kabupaten/kota diselenggarakan di tingkat provinsi (PP 28/2018 Pasal 5 ayat (2) huruf a): ajukan kepada provinsi.";
            if (actor.Role != Role.CooperationOfficer || actor.RegionCode is null || !actor.RegionCode.StartsWith(servingRegion + ".", StringComparison.Ordinal))
                return "Koordinasi teknis di tingkat provinsi diajukan oleh petugas Bagian Kerja Sama kabupaten/kota di provinsi itu (PP 28/2018 Pasal 5 ayat (2) huruf a).";
        }
        return null;
    }
}

using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Offers;

public sealed record PartyRecordRequest
{
    /// <summary>The party's own number for the agreement (from its own register); empty leaves it unset.</summary>
    [StringLength(100, ErrorMessage = "Nomor naskah paling banyak 100 karakter.")]
    public string? DocumentNumber { get; init; }
    /// <summary>Whether the party's own DPRD must approve (PP 28/2018 Pasal 6 ayat (2)); null: not decided yet.</summary>
    public bool? DprdNeeded { get; init; }
    [StringLength(1000, ErrorMessage = "Alasan paling banyak 1000 karakter.")]
    public string? NotNeededReason { get; init; }
    public DateOnly? RequestedOn { get; init; }
    public DateOnly? DecidedOn { get; init; }
    [StringLength(100, ErrorMessage = "Nomor keputusan DPRD paling banyak 100 karakter.")]
    public string? DecisionNumber { get; init; }
}

public sealed record PartyRecordView(string RegionCode, string Name, string? DocumentNumber, bool? DprdNeeded, string? NotNeededReason, DateOnly? RequestedOn,
    DateOnly? DecidedOn, string? DecisionNumber, bool MayEdit);

/// <summary>A party region keeps its own side of the shared record: its document number and its own DPRD approval where its
/// own APBD requires one (PP 28/2018 Pasal 6 ayat (1) huruf e dan ayat (2): the approval is needed when the KSDD burdens the
/// public and the region, or its funding is not yet budgeted in the current year's APBD, which each region judges for its own).
/// Only that region's cooperation officer writes it; every party reads it.</summary>
public static class PartyRecords
{
    public const string DprdBasis = "PP 28/2018 Pasal 6 ayat (1) huruf e dan ayat (2)";

    public static async Task<Result<IReadOnlyList<PartyRecordView>>> ListAsync(JalinDb db, CurrentActor actor, Guid agreementId, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
        var a = await db.Agreements.VisibleTo(actor).AsNoTracking().Include(x => x.Parties).FirstOrDefaultAsync(x => x.Id == agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var approvals = await db.PartyDprdApprovals.AsNoTracking().Where(x => x.AgreementId == agreementId).ToListAsync(ct);
        return Result<IReadOnlyList<PartyRecordView>>.From(Views(actor, a, approvals));
    }

    internal static List<PartyRecordView> Views(CurrentActor actor, Agreement a, IReadOnlyList<PartyDprdApproval> approvals)
    {
        var mine = AgreementAccess.PartySide(actor, a);
        return a.Parties.Where(p => p.RegionCode is not null && p.RegionCode != a.RegionCode).OrderBy(p => p.Order).Select(p =>
        {
            var d = approvals.FirstOrDefault(x => x.RegionCode == p.RegionCode);
            return new PartyRecordView(p.RegionCode!, p.Name, p.DocumentNumber, d?.Needed, d?.NotNeededReason, d?.RequestedOn, d?.DecidedOn, d?.DecisionNumber,
                !a.IsEnded && mine?.Id == p.Id && actor.Role == Role.CooperationOfficer);
        }).ToList();
    }

    public static async Task<Result<PartyRecordView>> UpdateAsync(JalinDb db, CurrentActor actor, Guid agreementId, PartyRecordRequest request, TimeProvider clock,
        CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
        var a = await db.Agreements.VisibleTo(actor).Include(x => x.Parties).FirstOrDefaultAsync(x => x.Id == agreementId, ct);
        if (a is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var party = AgreementAccess.PartySide(actor, a);
        if (party is null || actor.Role != Role.CooperationOfficer)
            return new ForbiddenError(AgreementAccess.IsOwnerSide(actor, a)
                ? "Daerah pemilik mengubah data pihaknya melalui formulir kerja sama; persetujuan DPRD-nya dicatat pada tahapan kerja sama."
                : "Nomor naskah dan persetujuan DPRD suatu pihak dicatat oleh petugas kerja sama daerah pihak itu sendiri.");
        if (a.IsEnded) return new ConflictError("Kerja sama telah berakhir; data pihak tidak dapat diubah.");

        var today = Wib.Today(clock);
        var fields = new Dictionary<string, string[]>();
        foreach (var (field, text) in AgreementRules.Annotations(request)) fields[field] = [text];
        if (request.DprdNeeded == false && string.IsNullOrWhiteSpace(request.NotNeededReason))
            fields["notNeededReason"] = [$"Tuliskan mengapa persetujuan DPRD daerah Anda tidak diperlukan (sudah dianggarkan dalam APBD tahun berjalan dan tidak membebani masyarakat, {DprdBasis})."];
        if (request.DprdNeeded != true && (request.RequestedOn is not null || request.DecidedOn is not null || !string.IsNullOrWhiteSpace(request.DecisionNumber)))
            fields["dprdNeeded"] = ["Tanggal permohonan dan keputusan DPRD diisi hanya bila persetujuan DPRD diperlukan."];
        if (request.RequestedOn > today) fields["requestedOn"] = ["Tanggal permohonan tidak boleh di masa depan."];
        if (request.DecidedOn is { } decided)
        {
            if (decided > today) fields["decidedOn"] = ["Tanggal keputusan DPRD tidak boleh di masa depan."];
            else if (request.RequestedOn is not { } requested) fields["requestedOn"] = ["Isi tanggal permohonan sebelum tanggal keputusan DPRD."];
            else if (decided < requested) fields["decidedOn"] = ["Tanggal keputusan DPRD tidak boleh sebelum tanggal permohonan."];
            if (string.IsNullOrWhiteSpace(request.DecisionNumber)) fields["decisionNumber"] = ["Nomor keputusan DPRD wajib diisi bersama tanggalnya."];
        }
        else if (!string.IsNullOrWhiteSpace(request.DecisionNumber)) fields["decidedOn"] = ["Isi tanggal keputusan DPRD bersama nomornya."];
        if (fields.Count > 0) return new ValidationError("Data pihak belum benar.", fields);

        party.DocumentNumber = string.IsNullOrWhiteSpace(request.DocumentNumber) ? null : request.DocumentNumber.Trim();
        var approval = await db.PartyDprdApprovals.FirstOrDefaultAsync(x => x.AgreementId == a.Id && x.RegionCode == party.RegionCode, ct);
        if (request.DprdNeeded is { } needed)
        {
            if (approval is null) db.PartyDprdApprovals.Add(approval = new PartyDprdApproval { AgreementId = a.Id, RegionCode = party.RegionCode! });
            approval.Needed = needed;
            approval.NotNeededReason = needed ? null : request.NotNeededReason!.Trim();
            approval.RequestedOn = request.RequestedOn;
            approval.DecidedOn = request.DecidedOn;
            approval.DecisionNumber = string.IsNullOrWhiteSpace(request.DecisionNumber) ? null : request.DecisionNumber.Trim();
            approval.UpdatedAt = clock.GetUtcNow();
            approval.UpdatedBy = actor.UserName;
        }
        else if (approval is not null) db.PartyDprdApprovals.Remove(approval);
        a.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new ConflictError("Kerja sama ini telah diubah orang lain pada saat yang sama. Muat ulang lalu ulangi."); }
        var views = Views(actor, a, request.DprdNeeded is null ? [] : [approval!]);
        return views.First(v => v.RegionCode == party.RegionCode);
    }
}

using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Proposals;

/// <summary>What the officer adds when the usulan alone does not say it: a KSDPK's kind and initiative
/// (PP 28/2018 Pasal 15 ayat (1), Pasal 17–18), or the registered partner for a candidate typed as free text.</summary>
public sealed record ConvertProposalRequest
{
    public KsdpkKind? KsdpkKind { get; init; }
    public Initiative? Initiative { get; init; }
    public Guid? PartnerId { get; init; }
    public string? PartnerRegionCode { get; init; }
}

public sealed record ProposalConverted(Guid ProposalId, Guid AgreementId, int DocumentsCopied);

/// <summary>"Jadikan kerja sama": registers the agreement of a recommended usulan at its kind's first stage through
/// <see cref="RegisterAgreement"/>, carrying its fields and its attachments (the same stored files, no re-upload),
/// and links both, in one transaction. A proposal converts at most once.</summary>
public static class ConvertProposal
{
    public static AgreementInput ToAgreementInput(Proposal p, ConvertProposalRequest request) => new()
    {
        Kind = p.RecommendedKind, Title = p.Title, AffairCode = p.AffairCode, SubAffairCode = p.SubAffairCode,
        Object = Join(p.Object, p.Location is null ? null : "Lokasi: " + p.Location), Scope = p.Scope,
        Value = p.Amount, FundingSource = p.FundingSource, BudgetedInApbd = p.BudgetedInApbd,
        StartsOn = p.PlannedStart, EndsOn = p.PlannedStart is { } s && p.TermMonths is { } m ? s.AddMonths(m).AddDays(-1) : null,
        LeadAgencyId = p.AgencyId, KsdpkKind = p.RecommendedKind == CooperationKind.Ksdpk ? request.KsdpkKind ?? KsdpkKind.PublicService : null,
        Initiative = p.RecommendedKind == CooperationKind.Ksdpk ? request.Initiative ?? Agreements.Initiative.Region : null,
        Parties = (request.PartnerRegionCode ?? p.PartnerRegionCode, request.PartnerId ?? p.PartnerId) switch
        {
            ({ } region, _) when request.PartnerId is null => [new PartyInput { RegionCode = region }],
            (_, { } partner) => [new PartyInput { PartnerId = partner }],
            _ => [],
        },
    };

    public static async Task<Result<ProposalConverted>> HandleAsync(JalinDb db, CurrentActor actor, Guid id, ConvertProposalRequest request, TimeProvider clock, CancellationToken ct = default)
    {
        var p = await db.Proposals.VisibleTo(actor).Include(x => x.Attachments).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return new NotFoundError("Usulan tidak ditemukan.");
        if (ProposalTable.ConvertRefusal(actor, p) is { } refusal)
            return actor.Role != Role.CooperationOfficer ? new ForbiddenError(refusal) : new ConflictError(refusal);
        if (request.KsdpkKind is { } kk && !Enum.IsDefined(kk)) return ValidationError.Of("ksdpkKind", "Jenis KSDPK tidak dikenal.");
        if (request.Initiative is { } ini && !Enum.IsDefined(ini)) return ValidationError.Of("initiative", "Prakarsa tidak dikenal: Region atau ThirdParty.");
        var input = ToAgreementInput(p, request);
        if (input.Parties.Count == 0)
            return ValidationError.Of("partnerId", $"Calon mitra \"{p.PartnerName ?? "-"}\" belum ada di daftar mitra. Daftarkan mitra itu lalu pilih di sini, atau pilih daerah mitra.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var registered = await RegisterAgreement.HandleAsync(db, actor, input, clock, ct);
        if (!registered.Ok)
        {
            await tx.RollbackAsync(ct);
            return registered.Error is ValidationError v
                ? new ValidationError("Usulan belum dapat dijadikan kerja sama: " + v.Message, v.Fields)
                : registered.Error!;
        }
        var agreementId = registered.Value;
        var stage = await db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Stage).FirstAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var a in p.Attachments.OrderBy(x => x.CreatedAt))
            db.AgreementDocuments.Add(new AgreementDocument
            {
                AgreementId = agreementId, Kind = a.Kind.DocumentKind(), Title = a.Title, Stage = stage,
                Visibility = a.Kind == ProposalAttachmentKind.OfferLetter ? DocumentVisibility.Shared : DocumentVisibility.Internal,
                FileSha256 = a.FileSha256, FileName = a.FileName, ContentType = a.ContentType, FileSize = a.FileSize,
                UploadedBy = a.UploadedBy, CreatedAt = now, RegionCode = p.RegionCode, UploaderRegionCode = p.RegionCode,
            });
        p.AgreementId = agreementId;
        db.ProposalHistories.Add(ProposalHistories.Row(p, "convert", p.Status, p.Status, actor, now, "Dijadikan kerja sama: " + p.Title));
        p.Touch(now);
        try
        {
            await db.ActingAs(actor).SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            return new ConflictError("Usulan ini baru saja dijadikan kerja sama atau diubah orang lain. Muat ulang halaman.");
        }
        return new ProposalConverted(p.Id, agreementId, p.Attachments.Count);
    }

    private static string? Join(string? a, string? b) => (a, b) switch
    {
        (null, null) => null,
        (_, null) => a,
        (null, _) => b,
        _ => a + "\n" + b,
    };
}

using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Offers;

public sealed record IncomingOfferView(Guid AgreementId, string Title, string SenderRegionCode, string SenderName, string? AffairCode, string? AffairName,
    DateTimeOffset? SentAt, DateOnly? DueOn, string Stage, string StageLabel, bool Waiting, string Status, string? Decision, DateTimeOffset? AnsweredAt,
    string? AnswerLetterNumber, bool MayAnswer, string? NotYet = null);

public sealed record IncomingOffers(IReadOnlyList<IncomingOfferView> Waiting, IReadOnlyList<IncomingOfferView> Answered);

/// <summary>The incoming queue of a party region (issue #10 item 5): the offers addressed to my region that wait for its answer
/// (the agreement is at the offer stage), oldest due first, and the offers my region answered in Jalin.</summary>
public static class ListIncomingOffers
{
    public static async Task<Result<IncomingOffers>> HandleAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || actor.Role is not (Role.CooperationOfficer or Role.Leader))
            return new ForbiddenError("Antrean penawaran masuk dibuka oleh petugas kerja sama dan pimpinan daerah.");
        var answers = await db.OfferAnswers.AsNoTracking().Where(x => x.RegionCode == region).ToListAsync(ct);
        var answeredIds = answers.Select(x => x.AgreementId).Distinct().ToList();
        var agreements = await db.Agreements.VisibleTo(actor).AsNoTracking()
            .Where(a => a.RegionCode != region && a.Parties.Any(p => p.RegionCode == region)
                && ((a.Stage == Stage.Offer && (a.Kind == CooperationKind.KsddWajib || a.Kind == CooperationKind.KsddSukarela)) || answeredIds.Contains(a.Id)))
            .Include(a => a.History.Where(h => h.Action == ActionCode.CompletePreparation.Value))
            .ToListAsync(ct);
        var regionCodes = agreements.Select(a => a.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => regionCodes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Level == Regions.RegionLevel.Province ? "Provinsi " + r.Name : r.Name, ct);
        // The answer replies to the sender's offer letter (the answer-offer row requires it): until it is attached the offer waits on the sender.
        var ids = agreements.Select(a => a.Id).ToList();
        var withLetter = (await db.AgreementDocuments.AsNoTracking()
                .Where(d => ids.Contains(d.AgreementId) && d.Kind == DocumentKind.OfferLetter)
                .Select(d => new { d.AgreementId, d.UploaderRegionCode }).ToListAsync(ct))
            .Where(d => agreements.First(a => a.Id == d.AgreementId) is { } a && (d.UploaderRegionCode ?? a.RegionCode) == a.RegionCode)
            .Select(d => d.AgreementId).ToHashSet();
        var affairCodes = agreements.Select(a => a.AffairCode).OfType<string>().Distinct().ToList();
        var affairs = await db.GovernmentAffairs.AsNoTracking().Where(x => affairCodes.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct);

        IncomingOfferView View(Agreement a, OfferAnswerRecord? answer)
        {
            var sent = a.History.Where(h => ActionCode.CompletePreparation.Is(h.Action)).Select(h => (DateTimeOffset?)h.At).Max();
            var waiting = answer is null && a.Stage == Stage.Offer;
            var status = waiting ? "Menunggu jawaban"
                : answer is not null ? $"Dijawab: penawaran {OfferDecisions.Label(answer.Decision)}" : a.Stage.Label();
            return new IncomingOfferView(a.Id, a.Title, a.RegionCode, names.GetValueOrDefault(a.RegionCode, a.RegionCode), a.AffairCode,
                a.AffairCode is null ? null : affairs.GetValueOrDefault(a.AffairCode), sent, waiting ? a.DueOn : null, a.Stage.ToString(), a.Stage.Label(), waiting, status,
                answer?.Decision, answer?.AnsweredAt, answer?.LetterNumber, waiting && actor.Role == Role.CooperationOfficer && withLetter.Contains(a.Id),
                waiting && !withLetter.Contains(a.Id)
                    ? $"Surat penawaran dari {names.GetValueOrDefault(a.RegionCode, a.RegionCode)} belum dilampirkan di Jalin; jawaban diberikan setelah surat itu dilampirkan." : null);
        }

        var latest = answers.GroupBy(x => x.AgreementId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.AnsweredAt).First());
        // An offer sent again after my region asked for changes waits again, whatever my earlier answer was.
        var waitingList = agreements.Where(a => a.Stage == Stage.Offer
                && (!latest.TryGetValue(a.Id, out var last) || a.History.Any(h => ActionCode.CompletePreparation.Is(h.Action) && h.Id > last.StageChangeId)))
            .Select(a => View(a, null)).OrderBy(v => v.DueOn ?? DateOnly.MaxValue).ThenBy(v => v.SentAt).ToList();
        var answered = answers.OrderByDescending(x => x.AnsweredAt).Select(x => agreements.FirstOrDefault(a => a.Id == x.AgreementId) is { } a ? View(a, x) : null)
            .OfType<IncomingOfferView>().ToList();
        return new IncomingOffers(waitingList, answered);
    }
}

using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Notifications;

/// <summary>The notifications of the agreement events that exist today: a lifecycle move or note, a comment
/// on a draft's pasal, a document a party region attached. Called by those use cases after their save; each
/// is idempotent (keyed by the history row, comment or document) and never tells the actor.</summary>
public static class AgreementNotifications
{
    public static string Link(Guid agreementId) => $"/app/kerja-sama/{agreementId}";

    /// <summary>Ends the text with one full stop ("Rina Marlina, S.H." stays as it is).</summary>
    private static string Sentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    /// <summary>The owning region's cooperation officers and the users of its lead OPD.</summary>
    private static Recipients OwnerSide(Agreement a)
    {
        var r = Recipients.RoleIn(a.RegionCode, Role.CooperationOfficer);
        var owner = a.Parties.FirstOrDefault(p => p.RegionCode == a.RegionCode);
        return owner?.LeadAgencyId is { } lead ? r.And(Recipients.Agency(lead)) : r;
    }

    private static IEnumerable<string> OtherRegions(Agreement a) =>
        a.Parties.Where(p => p.RegionCode is not null && p.RegionCode != a.RegionCode).Select(p => p.RegionCode!).Distinct();

    private static async Task<string> RegionNameAsync(JalinDb db, string code, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Level == Regions.RegionLevel.Province ? "Provinsi " + r.Name : r.Name).FirstOrDefaultAsync(ct) ?? code;

    /// <summary>A lifecycle action was applied (<see cref="ApplyLifecycleAction"/>). The owner's side hears of
    /// every move and shared note; the other party regions' officers of the shared ones (an internal note stays
    /// inside the owning region). Completing the preparation sends the offer: the other regions get
    /// "Penawaran kerja sama masuk dari …".</summary>
    public static async Task StageMovedAsync(JalinDb db, CurrentActor actor, Agreement a, StageChange row, string actionLabel, TimeProvider clock, CancellationToken ct = default)
    {
        var isNote = ActionCode.AddNote.Is(row.Action);
        var key = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ownerName = await RegionNameAsync(db, a.RegionCode, ct);
        var who = actor.Role == Role.System ? "Sistem Jalin" : actor.FullName;
        var kind = isNote ? NotificationKind.NoteAdded : NotificationKind.StageMoved;
        var title = isNote ? $"Catatan baru dari {who}"
            : row.FromStage == row.ToStage ? $"Tindakan dicatat: {actionLabel}" : $"Tahap kerja sama: {row.ToStage.Label()}";
        var body = isNote ? $"{a.Title}: {row.Note}" : Sentence($"{Sentence(a.Title)} {actionLabel} oleh {who}");
        var message = new NotificationMessage(kind, title, body, Link(a.Id), NotificationSubjects.Agreement, a.Id.ToString(), key);
        var ownerSide = OwnerSide(a);
        if (row.IsInternal)
        {
            await Notify.SendAsync(db, actor, message, ownerSide, clock, r => AgreementAccess.SeesInternal(r, a), ct);
            return;
        }
        await Notify.SendAsync(db, actor, message, ownerSide, clock, ct: ct);
        var others = Recipients.None;
        foreach (var region in OtherRegions(a)) others = others.And(Recipients.RoleIn(region, Role.CooperationOfficer));
        if (others.Rules.Count == 0) return;
        var offer = ActionCode.CompletePreparation.Is(row.Action) && row.ToStage == Stage.Offer;
        var partyMessage = offer
            ? message with { Kind = NotificationKind.OfferReceived, Title = $"Penawaran kerja sama masuk dari {ownerName}", Body = Sentence($"{Sentence(a.Title)} Dikirim oleh {who}") }
            : message with { Body = $"{a.Title} ({ownerName}). {(isNote ? row.Note : Sentence(actionLabel + " oleh " + who))}" };
        await Notify.SendAsync(db, actor, partyMessage, others, clock, ct: ct);
    }

    /// <summary>A party region attached a document on its side: the owner's officers hear of it when they can
    /// see it (a party's internal paper stays with that party, so it tells no one outside it).</summary>
    public static async Task DocumentAttachedAsync(JalinDb db, CurrentActor actor, Agreement a, AgreementDocument document, TimeProvider clock, CancellationToken ct = default)
    {
        var region = AgreementAccess.DocumentRegion(a, document);
        if (region == a.RegionCode) return;
        var name = await RegionNameAsync(db, region, ct);
        var message = new NotificationMessage(NotificationKind.DocumentAttached, $"Dokumen baru dari {name}", Sentence($"{document.Kind.Label()}: {Sentence(document.Title)} {a.Title}"),
            Link(a.Id), NotificationSubjects.Agreement, a.Id.ToString(), document.Id.ToString());
        await Notify.SendAsync(db, actor, message, Recipients.RoleIn(a.RegionCode, Role.CooperationOfficer), clock, r => AgreementAccess.SeesDocument(r, a, document), ct);
    }

    /// <summary>A comment (or reply) on a draft's pasal: the draft's editors hear of it (the owning region's
    /// officers and the users of a lead OPD of the owning region, <see cref="DraftAccess.CanEdit"/>).</summary>
    public static async Task DraftCommentedAsync(JalinDb db, CurrentActor actor, Agreement a, Draft d, DraftComment comment, TimeProvider clock, CancellationToken ct = default)
    {
        var editors = Recipients.RoleIn(a.RegionCode, Role.CooperationOfficer);
        foreach (var lead in a.Parties.Where(p => p.LeadAgencyId is not null).Select(p => p.LeadAgencyId!.Value).Distinct())
            editors = editors.And(Recipients.Agency(lead));
        var text = comment.Text.Length > 200 ? comment.Text[..199] + "…" : comment.Text;
        var message = new NotificationMessage(NotificationKind.DraftComment, $"Komentar baru pada rancangan dari {actor.FullName}", $"{d.Title}: \"{text}\"",
            $"/app/kerja-sama/{a.Id}/rancangan/{d.Id}", NotificationSubjects.Draft, d.Id.ToString(), comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Notify.SendAsync(db, actor, message, editors, clock,
            r => Notify.Sees(r, a) && DraftAccess.CanSee(r, a, d.Form) && DraftAccess.CanEdit(r, a), ct);
    }
}

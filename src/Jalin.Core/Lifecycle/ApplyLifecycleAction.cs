using System.ComponentModel.DataAnnotations;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Lifecycle;

public sealed record ActionRequest
{
    /// <summary>For actions with several outcomes chosen by people (e.g. DPRD rejection: revise or end).</summary>
    public string? Decision { get; init; }
    public EndReason? ReasonCode { get; init; }
    [StringLength(4000, ErrorMessage = "Catatan paling banyak 4000 karakter.")]
    public string? Note { get; init; }
    public Guid? DocumentId { get; init; }
    public DateOnly? NewEndDate { get; init; }
    /// <summary>When the Sekretariat DPRD received the request (starts the DPRD clock); today when empty.</summary>
    public DateOnly? ReceivedOn { get; init; }
    /// <summary>A note seen only inside the owning region.</summary>
    public bool Internal { get; init; }
    /// <summary>The version the caller saw; a stale one is refused with a conflict.</summary>
    public int? ExpectedVersion { get; init; }
}

public sealed record ActionApplied(Guid AgreementId, string Action, Stage From, Stage To, EndReason? EndReason, DateOnly? DueOn, string? DueLabel, int Version, long HistoryId);

/// <summary>The only code that changes an agreement's stage: checks the lifecycle table for the
/// actor, then writes the move and its history row in one transaction.</summary>
public static class ApplyLifecycleAction
{
    public static Task<Result<ActionApplied>> HandleAsync(JalinDb db, CurrentActor actor, Guid agreementId, ActionCode action, ActionRequest request,
        TimeProvider clock, CancellationToken ct = default) =>
        HandleAsync(db, actor, agreementId, action.Value, request, clock, ct);

    public static Task<Result<ActionApplied>> HandleAsync(JalinDb db, CurrentActor actor, Guid agreementId, string action, ActionRequest request,
        TimeProvider clock, CancellationToken ct = default) =>
        ApplyAsync(db, actor, agreementId, action, request, clock, offerAnswer: false, ct);

    /// <summary>The addressed region's answer (<see cref="Offers.AnswerOffer"/>): the same table row and checks, after
    /// that use case has validated the answer letter and the reason.</summary>
    internal static Task<Result<ActionApplied>> ApplyOfferAnswerAsync(JalinDb db, CurrentActor actor, Guid agreementId, ActionRequest request,
        TimeProvider clock, CancellationToken ct) =>
        ApplyAsync(db, actor, agreementId, ActionCode.AnswerOffer.Value, request, clock, offerAnswer: true, ct);

    private static async Task<Result<ActionApplied>> ApplyAsync(JalinDb db, CurrentActor actor, Guid agreementId, string action, ActionRequest request,
        TimeProvider clock, bool offerAnswer, CancellationToken ct)
    {
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
        var agreement = await GetAgreement.LoadVisibleAsync(db, actor, agreementId, tracking: true, ct);
        if (agreement is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        if (agreement.IsEnded) return new LifecycleRefused(action, [new(RefusalKind.WrongStage, "kerja sama telah berakhir")]);
        var rule = LifecycleTable.Find(agreement.Kind, agreement.Stage, action);
        if (SideRefusal(actor, agreement, action, rule) is { } sideRefused) return sideRefused;
        if (request.ExpectedVersion is { } v && v != agreement.Version)
            return new ConflictError("Kerja sama ini telah diubah orang lain. Muat ulang lalu ulangi.");
        if (ActionCode.AnswerOffer.Is(action) && !offerAnswer)
            return ValidationError.Of("action", "Jawaban penawaran dikirim melalui formulir jawaban penawaran, dengan nomor dan tanggal surat jawaban daerah Anda.");

        var ctx = await LifecycleContexts.ForAsync(db, agreement, clock, ct);
        var refusals = LifecycleEngine.Check(rule, action, actor.Role, ctx);
        if (refusals.Count > 0) return new LifecycleRefused(action, refusals);

        var input = ValidateInput(rule!, agreement, request, ctx);
        if (input.Error is not null) return input.Error;

        var from = agreement.Stage;
        var outcome = input.Outcome;
        if (outcome is not null)
            agreement.MoveTo(outcome.To, outcome.EndReason ?? request.ReasonCode);
        ApplyEffects(rule!, agreement, request, ctx);
        var now = clock.GetUtcNow();
        var row = new StageChange
        {
            AgreementId = agreement.Id, Action = rule!.Action, FromStage = from, ToStage = agreement.Stage, ActorUserId = actor.UserId, ActorName = actor.FullName,
            ActorRegionCode = actor.RegionCode, At = now, Note = HistoryNote(rule, outcome, agreement, request),
            DocumentId = request.DocumentId, EndReason = agreement.Stage == Stage.Ended ? agreement.EndReason : null,
            IsInternal = request.Internal && AgreementAccess.IsOwnerSide(actor, agreement),
        };
        db.StageChanges.Add(row);
        agreement.Touch(now);
        db.ActingAs(actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConflictError("Kerja sama ini telah diubah orang lain pada saat yang sama. Muat ulang lalu ulangi.");
        }
        await Notifications.AgreementNotifications.StageMovedAsync(db, actor, agreement, row, rule.Label, clock, ct);
        return new ActionApplied(agreement.Id, rule.Action, from, agreement.Stage, agreement.EndReason, agreement.DueOn, agreement.DueLabel, agreement.Version, row.Id);
    }

    /// <summary>Which side of the agreement acts on the row (<see cref="LifecycleRule.Side"/>): the owning region's people
    /// (or Jalin itself), or the party region the offer is addressed to. Notes: every participant.</summary>
    public static bool ActsOnSide(CurrentActor actor, Agreement agreement, LifecycleRule? rule, string action) =>
        ActionCode.AddNote.Is(action)
        || (rule?.Side == ActingSide.AddressedParty ? AgreementAccess.PartySide(actor, agreement) is not null : AgreementAccess.ActsForOwner(actor, agreement));

    private static ForbiddenError? SideRefusal(CurrentActor actor, Agreement agreement, string action, LifecycleRule? rule)
    {
        if (ActsOnSide(actor, agreement, rule, action)) return null;
        return rule?.Side == ActingSide.AddressedParty
            ? new ForbiddenError("Jawaban atas penawaran diberikan oleh daerah yang ditawari; daerah pemilik mencatat jawaban surat dengan \"Catat penawaran diterima\" atau \"Catat penawaran ditolak\".")
            : new ForbiddenError("Tahapan kerja sama dijalankan oleh daerah pemilik; pihak lain dapat menambah catatan.");
    }

    /// <summary>The history row's note: the caller's note, the rule the outcome followed (e.g. a KSDLL
    /// penerusan and the DPRD) and, when a Pj. or Plt. signs, that their powers are limited.</summary>
    private static string? HistoryNote(LifecycleRule rule, Outcome? outcome, Agreement agreement, ActionRequest request)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(request.Note)) parts.Add(request.Note.Trim());
        if (outcome?.Note is { } note) parts.Add(note);
        if (rule.RecordsSigning is not null)
            parts.AddRange(agreement.Parties.Where(p => p.RegionCode is not null).Select(p => Signatories.Note(p.SignatoryOffice)).OfType<string>());
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private sealed record Validated(Outcome? Outcome, Error? Error);

    private static Validated ValidateInput(LifecycleRule rule, Agreement agreement, ActionRequest request, LifecycleContext ctx)
    {
        var fields = new Dictionary<string, string[]>();
        foreach (var (field, message) in AgreementRules.Annotations(request)) fields[field] = [message];
        if (request.DocumentId is { } doc && !agreement.Documents.Any(d => d.Id == doc))
            fields["documentId"] = ["Dokumen tidak ditemukan pada kerja sama ini."];
        if (rule.Input.HasFlag(ActionInput.ReasonCode))
        {
            var allowed = LifecycleTable.TerminationReasons(agreement);
            if (request.ReasonCode is not { } reason)
                fields["reasonCode"] = [$"Alasan pengakhiran wajib dipilih ({LifecycleTable.TerminationBasis(agreement.Kind)})."];
            else if (!Enum.IsDefined(reason) || !allowed.Contains(reason))
                fields["reasonCode"] = [$"Alasan \"{(Enum.IsDefined(reason) ? reason.Label() : reason.ToString())}\" tidak berlaku untuk {agreement.Kind.ShortLabel()} "
                    + $"({LifecycleTable.TerminationBasis(agreement.Kind)}). Pilih salah satu: {string.Join("; ", allowed.Select(r => r.Label()))}."];
            else if (reason == EndReason.TermExpired && (agreement.EndsOn is not { } ends || ctx.Today <= ends))
                fields["reasonCode"] = [agreement.EndsOn is { } e
                    ? $"Jangka waktu belum berakhir: tanggal berakhir {e:dd/MM/yyyy}. Alasan \"{EndReason.TermExpired.Label()}\" baru berlaku setelah tanggal itu."
                    : $"Tanggal berakhir kerja sama belum diisi, sehingga alasan \"{EndReason.TermExpired.Label()}\" tidak dapat dipakai."];
        }
        if (rule.Input.HasFlag(ActionInput.NewEndDate))
        {
            var foreign = agreement.Kind.IsForeign();
            if (request.NewEndDate is not { } end) fields["newEndDate"] = ["Tanggal berakhir yang baru wajib diisi."];
            else if (agreement.EndsOn is { } current && end <= current) fields["newEndDate"] = [$"Tanggal berakhir yang baru harus setelah tanggal berakhir saat ini ({current:dd/MM/yyyy})."];
            else if (foreign && agreement.EndsOn is { } cur && end > LifecycleTable.ForeignMaxTerm.After(cur, ctx.Calendar))
                fields["newEndDate"] = [$"Perpanjangan kerja sama luar negeri paling lama {LifecycleTable.ForeignMaxTerm.Text} (Permendagri 25/2020 Pasal 32)."];
            else if (!foreign && agreement.StartsOn is { } start && end > start.AddYears(ctx.Settings.TermLimitYears) && string.IsNullOrWhiteSpace(agreement.TermBasis))
                fields["newEndDate"] = [$"Jangka waktu menjadi lebih dari {ctx.Settings.TermLimitYears} tahun (pengaturan daerah); isi dasar hukumnya pada data kerja sama terlebih dahulu."];
        }
        if (request.ReceivedOn is { } received && received > ctx.Today)
            fields["receivedOn"] = ["Tanggal diterima DPRD tidak boleh di masa depan."];

        Outcome? outcome = null;
        if (!rule.Stays)
        {
            var possible = LifecycleEngine.PossibleOutcomes(rule, ctx);
            if (possible.Count == 1) outcome = possible[0];
            else if (request.Decision is null)
                fields["decision"] = [$"Pilih keputusan: {string.Join(", ", possible.Select(o => $"{o.Decision} ({o.DecisionLabel})"))}."];
            else
            {
                outcome = possible.FirstOrDefault(o => o.Decision == request.Decision);
                if (outcome is null) fields["decision"] = [$"Keputusan tidak dikenal. Pilih: {string.Join(", ", possible.Select(o => $"{o.Decision} ({o.DecisionLabel})"))}."];
            }
        }
        return fields.Count > 0 ? new Validated(null, new ValidationError("Isian aksi belum lengkap atau tidak benar.", fields)) : new Validated(outcome, null);
    }

    private static void ApplyEffects(LifecycleRule rule, Agreement agreement, ActionRequest request, LifecycleContext ctx)
    {
        // The agreement's signing date is that of the naskah that binds the parties; a letter of
        // intent creates no obligation (Permendagri 25/2020 Ps 13), so its signing does not set it.
        if (rule.RecordsSigning is { } kind && kind != DocumentKind.PernyataanKehendak)
            agreement.SignedOn = agreement.RecordDocuments().Where(d => d.Kind == kind && d.IsSigned).Max(d => d.SignedOn);
        // The end date moves only through the law's actions: extend (addendum) and the foreign request-extension.
        if (rule.Input.HasFlag(ActionInput.NewEndDate) && request.NewEndDate is { } end) agreement.EndsOn = end;

        var c = rule.Clock;
        switch (c.Effect)
        {
            case ClockEffect.Start:
                var period = c.PeriodFor(ctx.Settings);
                if (period is null) { if (!rule.Stays) agreement.ClearDue(); break; }
                var from = c.From switch
                {
                    ClockFrom.ReceivedOn => request.ReceivedOn ?? ctx.Today,
                    ClockFrom.SignedOn => agreement.RecordDocuments().Where(d => d.Kind == rule.RecordsSigning && d.IsSigned).Max(d => d.SignedOn) ?? ctx.Today,
                    _ => ctx.Today,
                };
                var setting = c.IsSetting ? " (pengaturan daerah)" : "";
                var label = c.DueLabel ?? rule.Label;
                var due = period.After(from, ctx.Calendar);
                // A working-day count into a year without holiday data says so (counted as weekdays only).
                var missing = period.Unit == PeriodUnit.WorkingDays ? WorkingDayCalendar.MissingYearsNote(ctx.Calendar.YearsWithoutData(from.AddDays(1).Year, due.Year)) : null;
                agreement.SetDue(due, c.Then?.Value, $"{label.Replace(" (pengaturan daerah)", "")}: {period.Text} sejak {from:dd/MM/yyyy}{setting}" + (missing is null ? "" : ". " + missing));
                break;
            case ClockEffect.TermEnd:
                agreement.SetDue(agreement.EndsOn, c.Then?.Value, c.DueLabel);
                break;
            case ClockEffect.Keep:
                break;
            default:
                if (!rule.Stays) agreement.ClearDue();
                break;
        }
        if (agreement.Stage == Stage.Ended) agreement.ClearDue();
    }

}

/// <summary>"What can I do next" for one agreement and one actor, from the table.</summary>
public static class AvailableActions
{
    public static async Task<Result<IReadOnlyList<ActionOption>>> HandleAsync(JalinDb db, CurrentActor actor, Guid agreementId, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.Role == Role.SystemAdmin) return new NotFoundError("Kerja sama tidak ditemukan.");
        var agreement = await GetAgreement.LoadVisibleAsync(db, actor, agreementId, tracking: false, ct);
        if (agreement is null) return new NotFoundError("Kerja sama tidak ditemukan.");
        var ctx = await LifecycleContexts.ForAsync(db, agreement, clock, ct);
        var options = LifecycleEngine.Options(actor.Role, ctx);
        // A party region or partner never runs the owner's process, and the owner never gives the addressed
        // region's answer, whatever else is missing: say that one reason (the checklist still shows where things stand).
        options = options.Select(o =>
        {
            var rule = LifecycleTable.Find(agreement.Kind, agreement.Stage, o.Action);
            if (ApplyLifecycleAction.ActsOnSide(actor, agreement, rule, o.Action)) return o;
            return o with { Allowed = false, Reasons = [new Refusal(RefusalKind.WrongRole, rule?.Side == ActingSide.AddressedParty ? PartyAnswersIt : OwnerRunsIt)] };
        }).ToList();
        return Result<IReadOnlyList<ActionOption>>.From(options);
    }

    public const string OwnerRunsIt = "tahapan dijalankan oleh daerah pemilik kerja sama";
    public const string PartyAnswersIt = "dijawab oleh daerah yang ditawari";

    /// <summary>An option the caller can never take on this agreement: the other side takes it. Screens hide these.</summary>
    public static bool OnlyOwnerMay(ActionOption option) => !option.Allowed && option.Reasons is [{ Kind: RefusalKind.WrongRole, Message: OwnerRunsIt or PartyAnswersIt }];
}

/// <summary>Applies the clock-driven actions whose time has come (DPRD deemed approval, expiry).
/// Run daily by the background job and by <c>jalin lifecycle tick</c>.</summary>
public static class RunLifecycleClocks
{
    public static async Task<IReadOnlyList<ActionApplied>> HandleAsync(Func<JalinDb> newDb, TimeProvider clock, CancellationToken ct = default)
    {
        var today = Wib.Today(clock);
        // The clock actions and the due dates they wait for come from the table's rows (ClockRule.Then).
        var codes = LifecycleTable.ClockActions.Select(a => a.Value).ToList();
        List<(Guid id, string action)> due;
        await using (var db = newDb())
        {
            due = (await db.Agreements.AsNoTracking()
                    .Where(a => a.Stage != Stage.Ended && a.DueAction != null && codes.Contains(a.DueAction) && a.DueOn < today)
                    .Select(a => new { a.Id, a.DueAction }).ToListAsync(ct))
                .Select(a => (a.Id, a.DueAction!)).ToList();
        }
        var applied = new List<ActionApplied>();
        foreach (var (id, action) in due)
        {
            await using var db = newDb();
            var result = await ApplyLifecycleAction.HandleAsync(db, CurrentActor.System, id, action,
                new ActionRequest { Note = "Dijalankan otomatis oleh Jalin karena tenggat telah lewat." }, clock, ct);
            if (result.Ok) applied.Add(result.Value!);
        }
        return applied;
    }
}

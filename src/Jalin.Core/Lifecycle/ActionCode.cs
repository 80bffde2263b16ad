namespace Jalin.Core.Lifecycle;

/// <summary>The code of a lifecycle action, as the API names it (<c>POST …/actions/{code}</c>) and
/// as the history records it. Every code is declared here once; the lifecycle table, the use
/// cases, the seeder and the tests refer to these members, never to the string.</summary>
public readonly struct ActionCode : IEquatable<ActionCode>
{
    public string Value { get; }
    private ActionCode(string value) => Value = value;

    // KSDD, KSDPK (PP 28/2018 Pasal 6 ayat (1), Pasal 19)
    public static readonly ActionCode CompletePreparation = new("complete-preparation");
    public static readonly ActionCode AcceptOffer = new("accept-offer");
    public static readonly ActionCode DeclineOffer = new("decline-offer");
    /// <summary>The addressed party region answers the offer itself in Jalin (accept, decline, ask for changes).</summary>
    public static readonly ActionCode AnswerOffer = new("answer-offer");
    public static readonly ActionCode FinalizeKb = new("finalize-kb");
    public static readonly ActionCode RecordKbSigning = new("record-kb-signing");
    public static readonly ActionCode RequestDprdApproval = new("request-dprd-approval");
    public static readonly ActionCode RecordDprdApproval = new("record-dprd-approval");
    public static readonly ActionCode DprdDeemedApproved = new("dprd-deemed-approved");
    public static readonly ActionCode RecordDprdRejection = new("record-dprd-rejection");
    public static readonly ActionCode FinalizePks = new("finalize-pks");
    public static readonly ActionCode RecordPksSigning = new("record-pks-signing");
    // KSDPK outside the PP 28/2018 stages (Pasal 15 ayat (3) dan (4))
    public static readonly ActionCode RecordOwnRegimeAgreement = new("record-own-regime-agreement");
    // Sinergi (PP 28/2018 Pasal 46)
    public static readonly ActionCode FinalizeNk = new("finalize-nk");
    public static readonly ActionCode RecordNkSigning = new("record-nk-signing");
    // KSDPL, KSDLL (Permendagri 25/2020)
    public static readonly ActionCode StartExploration = new("start-exploration");
    public static readonly ActionCode CompleteStudy = new("complete-study");
    public static readonly ActionCode RecordConsultationAnswer = new("record-consultation-answer");
    public static readonly ActionCode RecordLoiSigning = new("record-loi-signing");
    public static readonly ActionCode FinalizeRks = new("finalize-rks");
    public static readonly ActionCode SendForVerification = new("send-for-verification");
    public static readonly ActionCode RecordMinisterReview = new("record-minister-review");
    public static readonly ActionCode SubmitNaskah = new("submit-naskah");
    public static readonly ActionCode RecordConfirmationLetter = new("record-confirmation-letter");
    public static readonly ActionCode RecordMinisterApproval = new("record-minister-approval");
    public static readonly ActionCode RecordSigning = new("record-signing");
    // Implementation
    public static readonly ActionCode Amend = new("amend");
    public static readonly ActionCode Extend = new("extend");
    public static readonly ActionCode RequestExtension = new("request-extension");
    public static readonly ActionCode Expire = new("expire");
    public static readonly ActionCode Complete = new("complete");
    // Any stage
    public static readonly ActionCode Terminate = new("terminate");
    public static readonly ActionCode AddNote = new("add-note");

    /// <summary>History rows that are not lifecycle actions.</summary>
    public static readonly ActionCode Register = new("register");
    /// <summary>A recorded correction of a typing error in a locked field (koreksi data).</summary>
    public static readonly ActionCode Correction = new("correct-data");

    public static readonly IReadOnlyList<ActionCode> All =
    [
        CompletePreparation, AcceptOffer, DeclineOffer, AnswerOffer, FinalizeKb, RecordKbSigning, RequestDprdApproval, RecordDprdApproval, DprdDeemedApproved,
        RecordDprdRejection, FinalizePks, RecordPksSigning, RecordOwnRegimeAgreement, FinalizeNk, RecordNkSigning, StartExploration, CompleteStudy,
        RecordConsultationAnswer, RecordLoiSigning, FinalizeRks, SendForVerification, RecordMinisterReview, SubmitNaskah, RecordConfirmationLetter,
        RecordMinisterApproval, RecordSigning, Amend, Extend, RequestExtension, Expire, Complete, Terminate, AddNote, Register, Correction,
    ];

    public static bool TryParse(string? code, out ActionCode action)
    {
        foreach (var a in All)
            if (string.Equals(a.Value, code, StringComparison.Ordinal)) { action = a; return true; }
        action = default;
        return false;
    }

    /// <summary>Whether a history row (stored as text) records this action.</summary>
    public bool Is(string? recorded) => string.Equals(Value, recorded, StringComparison.Ordinal);

    public bool Equals(ActionCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is ActionCode other && Equals(other);
    public override int GetHashCode() => Value?.GetHashCode(StringComparison.Ordinal) ?? 0;
    public static bool operator ==(ActionCode a, ActionCode b) => a.Equals(b);
    public static bool operator !=(ActionCode a, ActionCode b) => !a.Equals(b);
    public override string ToString() => Value;
    public static implicit operator string(ActionCode a) => a.Value;
}

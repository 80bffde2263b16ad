using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;

namespace Jalin.Core.Import;

public sealed record ImportSkipped(int Rows, IReadOnlyList<int> RowNumbers, int ReadyRows, int WarningRows, int SkippedRows, bool CanCommit);

public static partial class ImportSessions
{
    /// <summary>Skips every row that still has an error, in one step (the rest can then be committed); each skip is a
    /// decision of the session like a single one, undone row by row.</summary>
    public static async Task<Result<ImportSkipped>> SkipErrorRowsAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, TimeProvider clock,
        CancellationToken ct = default)
    {
        var found = await ImportAccess.FindAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var session = found.Value!;
        if (Locked(session) is { } locked) return locked;
        var evaluated = await EvaluateAsync(db, files, session, clock, ct);
        if (!evaluated.Ok) return evaluated.Error!;
        var errors = evaluated.Value.Evaluation.Rows.Where(r => r.HasErrors && !r.Skipped).Select(r => r.Row).ToList();
        var decisions = session.Decisions;
        foreach (var row in errors) decisions[row] = (decisions.GetValueOrDefault(row) ?? new RowDecision()) with { Skip = true };
        session.SetDecisions(decisions);
        var again = await EvaluateAsync(db, files, session, clock, ct);
        if (!again.Ok) return again.Error!;
        var evaluation = again.Value.Evaluation;
        Count(session, evaluation);
        if (session.Status is ImportStatus.Uploaded or ImportStatus.Mapped) session.Status = ImportStatus.Previewed;
        session.Touch(clock.GetUtcNow());
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return new ImportSkipped(errors.Count, errors, evaluation.ReadyRows, evaluation.WarningRows, evaluation.SkippedRows, evaluation.CanCommit);
    }
}

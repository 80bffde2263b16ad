using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Audit;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using System.Threading.Channels;

namespace Jalin.Core.Import;

public sealed record ImportCommitted(ImportSessionView Session, int Created, int PartnersCreated, int Linked, int Skipped);

public static partial class ImportSessions
{
    /// <summary>Source rows written per step inside the one transaction: progress is reported between steps.</summary>
    internal const int Chunk = 500;

    /// <summary>A pause after each step of a commit (Import:CommitStepPauseMs; none unless set): lets a demonstration or
    /// the browser tests watch the progress of a commit that would otherwise finish before the page's first poll.</summary>
    public static TimeSpan CommitStepPause { get; set; } = TimeSpan.Zero;

    /// <summary>Writes every ready row in ONE transaction: all or nothing. Refused while a row has an unresolved error.
    /// Agreements enter at the stage their dates imply (end date past: Berakhir, jangka waktu berakhir; otherwise
    /// Pelaksanaan with the term-end clock), with their parties, a history row naming the file, and an "Imported" audit
    /// row each; the session's own change to "Selesai diimpor" is the import's audit row (file, SHA-256, who, how many). A
    /// failure rolls everything back and marks the session "Gagal" with the reason. The records are written set-wise
    /// (<see cref="BulkInsert"/>: COPY on PostgreSQL, one prepared INSERT on SQLite) with their audit rows and search
    /// entries, each step built while the previous one is written, so 10,000 rows take seconds, not minutes (ADR 0013).</summary>
    public static Task<Result<ImportCommitted>> CommitAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, TimeProvider clock,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        CommitAsync(db, files, actor, id, clock, progress, failAfterRows: null, ct);

    /// <summary>The test seam: throws after <paramref name="failAfterRows"/> rows have been written inside the transaction.</summary>
    internal static async Task<Result<ImportCommitted>> CommitAsync(JalinDb db, FileStore files, CurrentActor actor, Guid id, TimeProvider clock,
        IProgress<ImportProgress>? progress, int? failAfterRows, CancellationToken ct)
    {
        var found = await ImportAccess.FindAsync(db, actor, id, ct);
        if (!found.Ok) return found.Error!;
        var session = found.Value!;
        if (Locked(session) is { } locked) return locked;
        var evaluated = await EvaluateAsync(db, files, session, clock, ct);
        if (!evaluated.Ok) return evaluated.Error!;
        var evaluation = evaluated.Value.Evaluation;
        Count(session, evaluation);
        if (evaluation.MappingProblems.Count > 0) return new ValidationError(evaluation.MappingProblems[0], new Dictionary<string, string[]> { ["mapping"] = [.. evaluation.MappingProblems] });
        if (evaluation.ErrorRows > 0)
            return ValidationError.Of("rows", $"Masih ada {evaluation.ErrorRows} baris bermasalah. Perbaiki atau lewati baris itu sebelum menyimpan.");
        if (evaluation.ReadyRows == 0) return ValidationError.Of("rows", "Tidak ada baris yang dapat diimpor.");

        var rows = evaluation.Rows.Where(r => !r.Skipped).ToList();
        if (!Running.TryAdd(session.Id, new ImportProgress(0, rows.Count))) return new ConflictError("Impor ini sedang disimpan; tunggu sampai selesai.");
        try
        {
            // Committing is saved first (its version guards against a second commit from another instance).
            session.Status = ImportStatus.Committing;
            session.RowsDone = 0;
            session.Message = null;
            session.Touch(clock.GetUtcNow());
            db.ActingAs(actor);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            var reference = await ImportReference.LoadAsync(db, session.RegionCode, clock, ct);
            var done = 0;
            var outcome = (Created: 0, Partners: 0, Linked: 0);
            try
            {
                await using (var tx = await db.Database.BeginTransactionAsync(ct))
                {
                    async Task Step(int n)
                    {
                        done += n;
                        var p = new ImportProgress(done, rows.Count);
                        Running[session.Id] = p;
                        progress?.Report(p);
                        if (CommitStepPause > TimeSpan.Zero) await Task.Delay(CommitStepPause, ct);
                        if (failAfterRows is { } fail && done >= fail) throw new InvalidOperationException($"Kegagalan uji setelah {done} baris.");
                    }
                    var audit = await AuditInterceptor.Of(db).BulkChainAsync(db, [session.RegionCode, reference.Owner.Code], ct);
                    var search = await Search.SearchIndexer.NewEntriesAsync(db, clock, ct);
                    var counts = new CommitCounts();
                    var batches = session.Target switch
                    {
                        ImportTarget.Agreements => AgreementBatches(actor, session, reference, rows, clock,
                            await BulkInsert.ReserveKeysAsync<StageChange>(db, rows.Count, ct), counts),
                        ImportTarget.Partners => PartnerBatches(session, rows, clock, counts),
                        ImportTarget.Agencies => AgencyBatches(session, rows, counts),
                        _ => ProposalBatches(actor, session, rows, clock, await ProposalNumbering.NextAsync(db, session.RegionCode, clock, rows.Count, ct),
                            await BulkInsert.ReserveKeysAsync<ProposalHistory>(db, rows.Count, ct), counts),
                    };
                    await WriteAsync(db, batches, audit, search, Step, ct);
                    outcome = (counts.Created, counts.Partners, counts.Linked);
                    var saved = await db.ImportSessions.FirstAsync(s => s.Id == session.Id, ct);
                    saved.Status = ImportStatus.Committed;
                    saved.RowsDone = done;
                    saved.CreatedCount = outcome.Created;
                    saved.PartnersCreated = outcome.Partners;
                    saved.ErrorRows = 0;
                    saved.SkippedRows = evaluation.SkippedRows;
                    saved.WarningRows = evaluation.WarningRows;
                    saved.CommittedAt = clock.GetUtcNow();
                    saved.Touch(clock.GetUtcNow());
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                    session = saved;
                }
                if (outcome.Partners > 0 || session.Target == ImportTarget.Partners) Search.SearchVocabulary.Invalidate(db);
            }
            catch (Exception e)
            {
                db.ChangeTracker.Clear();
                var failed = await db.ImportSessions.FirstAsync(s => s.Id == id, CancellationToken.None);
                failed.Status = ImportStatus.Failed;
                failed.RowsDone = 0;
                failed.Message = Failure(e, done);
                failed.Touch(clock.GetUtcNow());
                db.ActingAs(actor);
                await db.SaveChangesAsync(CancellationToken.None);
                return new ConflictError(failed.Message);
            }
            return new ImportCommitted(View(session, []), outcome.Created, outcome.Partners, outcome.Linked, evaluation.SkippedRows);
        }
        finally
        {
            Running.TryRemove(id, out _);
        }
    }

    /// <summary>What a commit created and linked, counted while its batches are built.</summary>
    private sealed class CommitCounts
    {
        public int Created, Partners, Linked;
    }

    /// <summary>The new records of one step (<see cref="Chunk"/> source rows) with their audit rows (one per imported agreement
    /// or proposal, its parties and history inside; an "Added" row per new partner or OPD) and, for searchable ones, their
    /// search entries; written set-wise in foreign-key order.</summary>
    private sealed class Batch(int rows)
    {
        public int Rows { get; } = rows;
        public readonly List<Partner> Partners = [];
        public readonly List<Agency> Agencies = [];
        public readonly List<Agreement> Agreements = [];
        public readonly List<Proposal> Proposals = [];
        private List<AuditEntry> _audit = [];
        private List<Search.SearchEntry> _search = [];

        /// <summary>Builds the audit rows and search entries (no database: runs while the previous batch is written).</summary>
        public void Prepare(BulkAuditChain audit, Search.SearchIndexer.NewEntries search)
        {
            _audit = audit.Added([.. Partners.Select(p => (p.RegionCode, (object)p)), .. Agencies.Select(a => (a.RegionCode, (object)a))]);
            // One "Imported" row per agreement and proposal, its parties and history inside (ADR 0013).
            foreach (var region in Agreements.GroupBy(a => a.RegionCode))
                _audit.AddRange(audit.Imported(region.Key, region.Select(a => ((object)a, new[] { ("Parties", a.Parties.Cast<object>()), ("History", a.History.Cast<object>()) }))));
            foreach (var region in Proposals.GroupBy(p => p.RegionCode))
                _audit.AddRange(audit.Imported(region.Key, region.Select(p => ((object)p, new[] { ("History", p.History.Cast<object>()) }))));
            _search = search.For(Agreements, Partners, Proposals);
        }

        public async Task WriteAsync(JalinDb db, CancellationToken ct)
        {
            await BulkInsert.WriteAsync(db, Partners, ct);
            await BulkInsert.WriteAsync(db, Agencies, ct);
            await BulkInsert.WriteAsync(db, Agreements, ct);
            await BulkInsert.WriteAsync(db, Agreements.SelectMany(a => a.Parties).ToList(), ct);
            await BulkInsert.WriteAsync(db, Agreements.SelectMany(a => a.History).ToList(), ct);
            await BulkInsert.WriteAsync(db, Proposals, ct);
            await BulkInsert.WriteAsync(db, Proposals.SelectMany(p => p.History).ToList(), ct);
            await BulkInsert.WriteAsync(db, _audit, ct);
            await BulkInsert.WriteAsync(db, _search, ct);
        }
    }

    /// <summary>Writes the batches in order on this context's connection while the next ones are built (records, audit
    /// snapshots and their HMAC chain, search text) on a worker thread, at most two ahead: the database's work and ours
    /// overlap. <paramref name="step"/> runs after each batch (progress, the test seams). A failure on either side stops
    /// both and surfaces here.</summary>
    private static async Task WriteAsync(JalinDb db, IEnumerable<Batch> batches, BulkAuditChain audit, Search.SearchIndexer.NewEntries search,
        Func<int, Task> step, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ready = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var builder = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in batches)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    batch.Prepare(audit, search);
                    await ready.Writer.WriteAsync(batch, stop.Token);
                }
                ready.Writer.Complete();
            }
            catch (Exception e)
            {
                ready.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in ready.Reader.ReadAllAsync(ct))
            {
                await batch.WriteAsync(db, ct);
                await step(batch.Rows);
            }
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
        }
        finally
        {
            stop.Cancel();
            await builder;
        }
    }

    private static string Failure(Exception e, int done)
    {
        var reason = e switch
        {
            OperationCanceledException => "penyimpanan dibatalkan",
            DbUpdateException => "basis data menolak perubahan (mungkin data yang sama baru saja disimpan orang lain)",
            _ => e.Message.Length > 300 ? e.Message[..300] : e.Message,
        };
        return $"Impor gagal setelah {done} baris ({reason}). Tidak ada data yang tersimpan; periksa lalu simpan lagi.";
    }

    private static IEnumerable<Batch> AgreementBatches(CurrentActor actor, ImportSession session, ImportReference reference, List<ImportRow> rows,
        TimeProvider clock, long[] historyKeys, CommitCounts outcome)
    {
        var now = clock.GetUtcNow();
        var owner = reference.Owner;
        var newPartners = new Dictionary<string, Partner>();
        foreach (var r in rows.Where(r => r.PartyRegion is null && r.NewPartnerName is not null))
        {
            var key = ImportValues.PartnerKey(r.NewPartnerName!);
            if (!newPartners.ContainsKey(key))
                newPartners[key] = new Partner { RegionCode = owner.Code, Name = r.NewPartnerName!, Kind = r.PartnerKind!.Value, CountryCode = "ID", CreatedAt = now };
        }
        outcome.Created = rows.Count;
        outcome.Partners = newPartners.Count;
        outcome.Linked = rows.Count(r => r.ExistingPartner is not null);
        var nextKey = 0;
        var term = ClockRule.TermEnd;
        var first = true;
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var batch = new Batch(chunk.Length);
            if (first) batch.Partners.AddRange(newPartners.Values);
            first = false;
            foreach (var r in chunk)
            {
                var kind = r.Kind!.Value;
                var a = new Agreement
                {
                    RegionCode = owner.Code, Kind = kind, Title = r.Title!.Trim(), CreatedAt = now, UpdatedAt = now, ImportSessionId = session.Id,
                    KsdpkKind = kind == CooperationKind.Ksdpk ? KsdpkKind.PublicService : null,
                    Object = r.Object, Value = r.Value, SignedOn = r.SignedOn, StartsOn = r.StartsOn, EndsOn = r.EndsOn, AffairCode = r.Affair?.Code,
                };
                var stage = r.Stage!.Value;
                a.RestoreStage(stage, stage == Stage.Ended ? EndReason.TermExpired : null);
                if (stage == Stage.Implementation && a.EndsOn is not null) a.SetDue(a.EndsOn, term.Then?.Value, term.DueLabel);
                a.Parties.Add(new AgreementParty
                {
                    AgreementId = a.Id, Order = 1, RegionCode = owner.Code, Name = owner.FullName, LeadAgencyId = r.Agency?.Id, LeadAgencyName = r.Agency?.Name, DocumentNumber = r.Number,
                });
                var partner = r.ExistingPartner ?? (r.NewPartnerName is { } n ? newPartners[ImportValues.PartnerKey(n)] : null);
                a.Parties.Add(r.PartyRegion is { } region
                    ? new AgreementParty { AgreementId = a.Id, Order = 2, RegionCode = region.Code, Name = region.FullName }
                    : new AgreementParty
                    {
                        AgreementId = a.Id, Order = 2, PartnerId = partner!.Id, Name = partner.Name,
                        RegionCode = partner.Kind == PartnerKind.Region ? partner.PartnerRegionCode : null,
                    });
                a.History.Add(new StageChange
                {
                    Id = historyKeys[nextKey++], AgreementId = a.Id, Action = ActionCode.Register, FromStage = stage, ToStage = stage, EndReason = a.EndReason,
                    ActorUserId = actor.UserId, ActorName = actor.FullName, ActorRegionCode = actor.RegionCode, At = now,
                    Note = $"Diimpor dari register lama \"{session.FileName}\" (baris {r.Row}; SHA-256 {session.FileSha256[..12]}…) oleh {actor.FullName}; "
                        + $"tahap {stage.Label()} menurut tanggalnya.",
                });
                batch.Agreements.Add(a);
            }
            yield return batch;
        }
    }

    private static IEnumerable<Batch> PartnerBatches(ImportSession session, List<ImportRow> rows, TimeProvider clock, CommitCounts outcome)
    {
        var now = clock.GetUtcNow();
        var seen = new HashSet<string>();
        outcome.Linked = rows.Count(r => r.ExistingPartner is not null);
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var batch = new Batch(chunk.Length);
            foreach (var r in chunk)
            {
                if (r.ExistingPartner is not null || !seen.Add(ImportValues.PartnerKey(r.Name!)) && !r.CreateNewPartner) continue;
                var i = r.PartnerInput!;
                batch.Partners.Add(new Partner
                {
                    RegionCode = session.RegionCode, Name = i.Name!.Trim(), Kind = i.Kind!.Value, CreatedAt = now, CountryCode = i.CountryCode,
                    PartnerRegionCode = i.Kind == PartnerKind.Region ? i.PartnerRegionCode : null, Address = i.Address, Email = i.Email, Phone = i.Phone,
                    Nib = i.Nib, Npwp = i.Npwp, Website = i.Website,
                });
                outcome.Created++;
                outcome.Partners++;
            }
            yield return batch;
        }
    }

    private static IEnumerable<Batch> AgencyBatches(ImportSession session, List<ImportRow> rows, CommitCounts outcome)
    {
        var seen = new HashSet<string>();
        outcome.Linked = rows.Count(r => r.Agency is not null);
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var batch = new Batch(chunk.Length);
            foreach (var r in chunk)
            {
                if (r.Agency is not null || !seen.Add(ImportValues.Normalize(r.Name!))) continue;
                var i = r.AgencyInput!;
                batch.Agencies.Add(new Agency
                {
                    RegionCode = session.RegionCode, Name = i.Name!.Trim(), ShortName = string.IsNullOrWhiteSpace(i.ShortName) ? null : i.ShortName.Trim(),
                    HeadTitle = i.HeadTitle?.Trim(), HeadName = i.HeadName?.Trim(), IsActive = true,
                });
                outcome.Created++;
            }
            yield return batch;
        }
    }

    private static IEnumerable<Batch> ProposalBatches(CurrentActor actor, ImportSession session, List<ImportRow> rows, TimeProvider clock,
        IReadOnlyList<(string Number, int Year, int Sequence)> numbers, long[] historyKeys, CommitCounts outcome)
    {
        var now = clock.GetUtcNow();
        outcome.Created = rows.Count;
        var n = 0;
        foreach (var chunk in rows.Chunk(Chunk))
        {
            var batch = new Batch(chunk.Length);
            foreach (var r in chunk)
            {
                var (number, year, sequence) = numbers[n++];
                var p = new Proposal
                {
                    RegionCode = session.RegionCode, Number = number, NumberYear = year, NumberSequence = sequence, Status = ProposalStatus.Draft, Title = r.Title!.Trim(),
                    AgencyId = r.Agency!.Id, AgencyName = r.Agency.Name, CreatedBy = actor.UserName, CreatedAt = now, UpdatedAt = now,
                    AffairCode = r.Affair?.Code, PartnerRegionCode = r.PartyRegion?.Code, PartnerId = r.ExistingPartner?.Id,
                    PartnerName = r.PartyRegion?.Name ?? r.ExistingPartner?.Name ?? r.NewPartnerName, Object = r.Object, Background = r.Background,
                    PlannedStart = r.StartsOn, Amount = r.Value,
                };
                p.History.Add(ProposalHistories.Row(p, "create", ProposalStatus.Draft, ProposalStatus.Draft, actor, now,
                    $"Usulan diimpor dari register lama \"{session.FileName}\" (baris {r.Row})", historyKeys[n - 1]));
                batch.Proposals.Add(p);
            }
            yield return batch;
        }
    }
}

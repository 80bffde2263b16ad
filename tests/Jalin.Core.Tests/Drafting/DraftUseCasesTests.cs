using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Drafting;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Jalin.Core.Tests.Drafting;

/// <summary>Drafts on a real, migrated SQLite database: versions, conflicts, restore, compare,
/// comments, the muatan block before signing with the leader's override, and the final with its
/// verification code.</summary>
public sealed class DraftUseCasesTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 11, 23);
    private readonly TestClock _clock = TestClock.At(Day);
    private TestDb _db = null!;
    private Scenario _s = null!;

    private static readonly CurrentActor Tkksd = new("tkksd-cimahi", "tkksd.cimahi", "Anggota TKKSD Cimahi", Role.TeamMember, Actors.Cimahi);
    private static readonly CurrentActor Auditor = new("auditor-cimahi", "auditor.cimahi", "Auditor Cimahi", Role.Auditor, Actors.Cimahi);

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<T> Ok<T>(Func<Jalin.Core.Data.JalinDb, Task<Result<T>>> call)
    {
        await using var db = _db.NewDb();
        var r = await call(db);
        Assert.True(r.Ok, r.Error?.ToString());
        return r.Value!;
    }

    private async Task<Error> Fails<T>(Func<Jalin.Core.Data.JalinDb, Task<Result<T>>> call)
    {
        await using var db = _db.NewDb();
        var r = await call(db);
        Assert.False(r.Ok, "expected a refusal");
        return r.Error!;
    }

    private async Task<(Guid Agreement, DraftDetails Draft)> KbDraftAsync()
    {
        var id = await _s.RegisterAsync(Scenario.Ksdd() with { Value = 250_000_000m, Object = "pengelolaan sampah regional" });
        var draft = await Ok(db => DraftUseCases.CreateAsync(db, Actors.Officer, id, new CreateDraftRequest { TemplateCode = "kb" }, _clock));
        return (id, draft);
    }

    private static SaveDraftRequest Edit(DraftDetails d, Func<List<ClauseInput>, List<ClauseInput>> change, string note = "suntingan") => new()
    {
        BasedOnVersion = d.LatestVersion, Note = note,
        Clauses = change(d.Clauses.Select(c => new ClauseInput { Key = c.Key, Type = c.Type, Heading = c.Heading, Paragraphs = [.. c.Paragraphs] }).ToList()),
    };

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var db = _db.NewDb();
        return await db.Set<T>().CountAsync();
    }

    [Fact]
    public async Task A_draft_starts_from_the_template_filled_with_the_agreement_and_keeps_every_version()
    {
        var (id, v1) = await KbDraftAsync();
        Assert.Equal(1, v1.LatestVersion);
        Assert.Equal(DocumentKind.KesepakatanBersama, v1.Form);
        var text = string.Join("\n", v1.Clauses.SelectMany(c => c.Paragraphs));
        Assert.Contains("Pengelolaan sampah regional Cimahi–Kabupaten Bandung", text);
        Assert.Contains("Rp250.000.000,00 (dua ratus lima puluh juta rupiah)", text);
        Assert.Contains("3 (tiga) tahun terhitung sejak tanggal 1 Januari 2026 sampai dengan tanggal 31 Desember 2028", text);
        Assert.DoesNotContain("{{", text);
        Assert.True(v1.Complete, string.Join("; ", v1.Compliance.Where(i => i.Required && !i.Met).Select(i => i.Label)));

        var v2 = await Ok(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, v1.Id, Edit(v1, cs =>
        {
            cs[0].Paragraphs![0] += " Kerja sama ini mengutamakan pengurangan sampah dari sumbernya.";
            return cs;
        }, "Tambahan maksud"), _clock));
        Assert.Equal(2, v2.LatestVersion);
        Assert.Equal("Tambahan maksud", v2.Versions[0].Note);
        Assert.Equal("Petugas Cimahi", v2.Versions[0].AuthorName);

        // A save based on version 1 is refused and writes nothing.
        var versionsBefore = await CountAsync<DraftVersion>();
        var stale = await Fails(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, v1.Id, Edit(v1, cs => cs), _clock));
        Assert.IsType<ConflictError>(stale);
        Assert.Equal(versionsBefore, await CountAsync<DraftVersion>());

        // Version 1 is still readable as it was, and compares with version 2 word by word.
        var old = await Ok(db => DraftUseCases.GetAsync(db, Tkksd, id, v1.Id, 1));
        Assert.Equal(v1.Clauses.Select(c => c.Paragraphs), old.Clauses.Select(c => c.Paragraphs));
        var cmp = await Ok(db => DraftUseCases.CompareAsync(db, Tkksd, id, v1.Id, 1, 2));
        var changed = Assert.Single(cmp.Clauses, c => c.Change == ClauseChange.Changed);
        Assert.Equal(v1.Clauses[0].Key, changed.Key);
        Assert.Contains("pengurangan", string.Concat(changed.Segments.Where(s => s.Kind == ChangeKind.Inserted).Select(s => s.Text)));
        Assert.Equal(0, cmp.Deletions);
        Assert.All(cmp.Clauses.Where(c => c.Key != changed.Key), c => Assert.Equal(ClauseChange.Same, c.Change));

        // Restoring version 1 makes version 3 with the old text.
        var v3 = await Ok(db => DraftUseCases.RestoreAsync(db, Actors.Officer, id, v1.Id, new RestoreDraftRequest { Version = 1 }, _clock));
        Assert.Equal(3, v3.LatestVersion);
        Assert.Equal(1, v3.Versions[0].RestoredFrom);
        Assert.Equal(v1.Clauses.Select(c => string.Join("|", c.Paragraphs)), v3.Clauses.Select(c => string.Join("|", c.Paragraphs)));
    }

    [Fact]
    public async Task Only_the_owner_side_edits_and_readers_comment_by_role()
    {
        var (id, d) = await KbDraftAsync();
        Assert.IsType<ForbiddenError>(await Fails(db => DraftUseCases.SaveAsync(db, Tkksd, id, d.Id, Edit(d, cs => cs), _clock)));
        Assert.IsType<ForbiddenError>(await Fails(db => DraftUseCases.SaveAsync(db, Actors.PartyOfficer, id, d.Id, Edit(d, cs => cs), _clock)));
        Assert.IsType<NotFoundError>(await Fails(db => DraftUseCases.GetAsync(db, Actors.Stranger, id, d.Id, null)));

        var comment = await Ok(db => DraftUseCases.CommentAsync(db, Tkksd, id, d.Id, new CommentRequest { ClauseKey = d.Clauses[1].Key, Text = "Ruang lingkup perlu memuat bank sampah." }, _clock));
        Assert.Equal("Anggota TKKSD", comment.AuthorRole);
        var party = await Ok(db => DraftUseCases.CommentAsync(db, Actors.PartyOfficer, id, d.Id, new CommentRequest { ClauseKey = d.Clauses[1].Key, Text = "Setuju, Kabupaten Bandung menambah TPS3R." }, _clock));
        Assert.Equal(1, party.VersionNumber);
        Assert.IsType<ForbiddenError>(await Fails(db => DraftUseCases.CommentAsync(db, Auditor, id, d.Id, new CommentRequest { ClauseKey = d.Clauses[1].Key, Text = "catatan" }, _clock)));
        Assert.IsType<ValidationError>(await Fails(db => DraftUseCases.CommentAsync(db, Tkksd, id, d.Id, new CommentRequest { ClauseKey = Guid.NewGuid(), Text = "pasal lain" }, _clock)));
        var details = await Ok(db => DraftUseCases.GetAsync(db, Actors.Officer, id, d.Id, null));
        Assert.Equal(2, details.Comments.Count(c => c.ClauseKey == d.Clauses[1].Key));
    }

    [Fact]
    public async Task Comment_threads_take_replies_are_resolved_by_editors_or_their_author_and_close_with_the_final()
    {
        var (id, d) = await KbDraftAsync();
        var scope = d.Clauses[1].Key;
        CommentRequest Say(string text, long? replyTo = null, Guid? clause = null) => new() { ClauseKey = clause ?? scope, Text = text, ReplyTo = replyTo };

        var thread = await Ok(db => DraftUseCases.CommentAsync(db, Tkksd, id, d.Id, Say("Ruang lingkup perlu memuat bank sampah."), _clock));
        Assert.Null(thread.ReplyToId);
        var answer = await Ok(db => DraftUseCases.CommentAsync(db, Actors.Officer, id, d.Id, Say("Ditambahkan pada ayat (2).", thread.Id), _clock));
        Assert.Equal(thread.Id, answer.ReplyToId);
        // A reply to a reply joins the thread's first comment.
        var again = await Ok(db => DraftUseCases.CommentAsync(db, Actors.PartyOfficer, id, d.Id, Say("Setuju.", answer.Id), _clock));
        Assert.Equal(thread.Id, again.ReplyToId);
        Assert.IsType<ValidationError>(await Fails(db => DraftUseCases.CommentAsync(db, Tkksd, id, d.Id, Say("pasal lain", thread.Id, d.Clauses[0].Key), _clock)));

        // Who resolves: the editors (officer) and the thread's author (TKKSD); not a leader who only reads it, not the party region.
        var resolve = new ResolveCommentRequest { Resolved = true };
        Assert.IsType<ForbiddenError>(await Fails(db => DraftUseCases.ResolveCommentAsync(db, Actors.Leader, id, d.Id, thread.Id, resolve, _clock)));
        Assert.IsType<ForbiddenError>(await Fails(db => DraftUseCases.ResolveCommentAsync(db, Actors.PartyOfficer, id, d.Id, thread.Id, resolve, _clock)));
        Assert.IsType<ValidationError>(await Fails(db => DraftUseCases.ResolveCommentAsync(db, Tkksd, id, d.Id, answer.Id, resolve, _clock)));
        var done = await Ok(db => DraftUseCases.ResolveCommentAsync(db, Tkksd, id, d.Id, thread.Id, resolve, _clock));
        Assert.True(done.Resolved);
        Assert.Equal("Anggota TKKSD Cimahi", done.ResolvedBy);
        var list = await Ok(db => DraftUseCases.ListAsync(db, Actors.Officer, id));
        Assert.Equal(0, list.Single(x => x.Id == d.Id).OpenThreads);
        var seen = await Ok(db => DraftUseCases.GetAsync(db, Actors.Officer, id, d.Id, null));
        Assert.True(seen.Comments.Single(c => c.Id == thread.Id).CanResolve);
        Assert.False(seen.Comments.Single(c => c.Id == answer.Id).CanResolve);
        var byLeader = await Ok(db => DraftUseCases.GetAsync(db, Actors.Leader, id, d.Id, null));
        Assert.False(byLeader.Comments.Single(c => c.Id == thread.Id).CanResolve);

        // A new reply reopens it; the officer can reopen or resolve too.
        await Ok(db => DraftUseCases.CommentAsync(db, Actors.PartyOfficer, id, d.Id, Say("Mohon tambahkan juga TPS3R.", thread.Id), _clock));
        list = await Ok(db => DraftUseCases.ListAsync(db, Actors.Officer, id));
        Assert.Equal(1, list.Single(x => x.Id == d.Id).OpenThreads);
        Assert.True((await Ok(db => DraftUseCases.ResolveCommentAsync(db, Actors.Officer, id, d.Id, thread.Id, resolve, _clock))).Resolved);
        Assert.False((await Ok(db => DraftUseCases.ResolveCommentAsync(db, Actors.Officer, id, d.Id, thread.Id, new ResolveCommentRequest { Resolved = false }, _clock))).Resolved);

        // The final is what was signed: no more comments or changes to threads (without LibreOffice the final is filed as DOCX).
        var files = new FileStore(new FileStoreOptions { Root = Path.Combine(Path.GetTempPath(), "jalin-core-tests-files", Guid.NewGuid().ToString("N")) });
        var noPdf = new PdfConverter(new PdfOptions { SofficePath = "/tidak/ada/soffice", SearchPath = false });
        await Ok(db => FinalizeDraft.HandleAsync(db, files, noPdf, Actors.Officer, id, d.Id, new FinalizeDraftRequest { Version = 1 }, "https://jalin.test", _clock));
        Assert.IsType<ConflictError>(await Fails(db => DraftUseCases.CommentAsync(db, Tkksd, id, d.Id, Say("Terlambat."), _clock)));
        Assert.IsType<ConflictError>(await Fails(db => DraftUseCases.ResolveCommentAsync(db, Actors.Officer, id, d.Id, thread.Id, resolve, _clock)));
        var final = await Ok(db => DraftUseCases.GetAsync(db, Tkksd, id, d.Id, null));
        Assert.False(final.CanComment);
        Assert.All(final.Comments, c => Assert.False(c.CanResolve));
        Assert.Equal(4, final.Comments.Count); // the thread, two replies and the reply that reopened it
    }

    [Fact]
    public async Task Finalizing_the_kb_is_refused_while_a_jalin_draft_misses_required_muatan_until_a_leader_overrides_with_a_reason()
    {
        var (id, d) = await KbDraftAsync();
        await _s.AddDocAsync(id, DocumentKind.TermsOfReference);
        await _s.AddDocAsync(id, DocumentKind.Assessment);
        await _s.MustApplyAsync(id, "complete-preparation");
        await _s.AddDocAsync(id, DocumentKind.OfferLetter);
        await _s.AddDocAsync(id, DocumentKind.OfferAnswer);
        await _s.MustApplyAsync(id, "accept-offer");
        await _s.AddDocAsync(id, DocumentKind.KesepakatanBersama);

        // Drop the dispute clause: a required element of a KB.
        var v2 = await Ok(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, d.Id, Edit(d, cs => cs.Where(c => c.Type != ClauseType.DisputeResolution).ToList()), _clock));
        Assert.False(v2.Complete);
        Assert.Contains(v2.Compliance, i => i.Code == $"clause:{ClauseType.DisputeResolution}" && !i.Met && i.Required);

        var refused = await _s.ApplyAsync(id, "finalize-kb");
        var why = Assert.IsType<LifecycleRefused>(refused.Error);
        Assert.Contains(why.Reasons, r => r.Prerequisite == $"draft-ready:{DocumentKind.KesepakatanBersama}");

        // The override needs the leader's role and a real reason.
        var reason = "Para pihak sepakat sengketa diatur dalam PKS; KB hanya memuat kesepakatan umum.";
        Assert.IsType<ForbiddenError>(await Fails(db => DraftUseCases.OverrideAsync(db, Actors.Officer, id, d.Id, new OverrideRequest { Reason = reason, Version = 2 }, _clock)));
        Assert.IsType<ValidationError>(await Fails(db => DraftUseCases.OverrideAsync(db, Actors.Leader, id, d.Id, new OverrideRequest { Reason = "oke", Version = 2 }, _clock)));
        Assert.IsType<ConflictError>(await Fails(db => DraftUseCases.OverrideAsync(db, Actors.Leader, id, d.Id, new OverrideRequest { Reason = reason, Version = 1 }, _clock)));
        var auditBefore = await CountAsync<Jalin.Core.Audit.AuditEntry>();
        var overridden = await Ok(db => DraftUseCases.OverrideAsync(db, Actors.Leader, id, d.Id, new OverrideRequest { Reason = reason, Version = 2 }, _clock));
        Assert.True(overridden.Ready);
        Assert.False(overridden.Complete);
        Assert.Equal(reason, overridden.Override!.Reason);
        Assert.Contains("sekda.cimahi", overridden.Override.By);

        await using (var db = _db.NewDb())
        {
            var rows = await db.AuditEntries.Where(e => e.EntityType == nameof(Draft) && e.EntityId == d.Id.ToString()).ToListAsync();
            var row = Assert.Single(rows, e => e.Action == "Modified" && (e.After ?? "").Contains(reason));
            Assert.Equal("leader-cimahi", row.ActorUserId);
            Assert.True(await db.AuditEntries.CountAsync() > auditBefore);
        }

        var moved = await _s.MustApplyAsync(id, "finalize-kb");
        Assert.Equal(Stage.SigningKb, moved.To);
    }

    [Fact]
    public async Task An_override_covers_only_the_version_it_was_given_for()
    {
        var (id, d) = await KbDraftAsync();
        var v2 = await Ok(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, d.Id, Edit(d, cs => cs.Where(c => c.Type != ClauseType.Financing).ToList()), _clock));
        await Ok(db => DraftUseCases.OverrideAsync(db, Actors.Leader, id, d.Id, new OverrideRequest { Reason = "Pembiayaan diatur dalam PKS masing-masing perangkat daerah.", Version = 2 }, _clock));
        var v3 = await Ok(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, d.Id, Edit(v2, cs => cs), _clock));
        Assert.False(v3.Ready);
        Assert.Equal(2, v3.Override!.Version);
    }

    [Fact]
    public async Task The_final_gets_the_regions_number_a_verification_code_and_a_pdf_that_verifies()
    {
        var (id, d) = await KbDraftAsync();
        await _s.SetRegionSettingAsync(DocumentNumbering.SettingKey, "{urut3}/{jenis}/{bulan_romawi}/{tahun}");
        var root = Path.Combine(Path.GetTempPath(), "jalin-core-tests-files", Guid.NewGuid().ToString("N"));
        var files = new FileStore(new FileStoreOptions { Root = root });
        var pdf = new PdfConverter(new PdfOptions());
        Assert.True(pdf.IsAvailable, "LibreOffice (soffice) is needed: run scripts/install-test-deps");
        try
        {
            Assert.IsType<ForbiddenError>(await Fails(db => FinalizeDraft.HandleAsync(db, files, pdf, Tkksd, id, d.Id, new FinalizeDraftRequest { Version = 1 }, "https://jalin.test", _clock)));
            var final = await Ok(db => FinalizeDraft.HandleAsync(db, files, pdf, Actors.Officer, id, d.Id, new FinalizeDraftRequest { Version = 1 }, "https://jalin.test", _clock));
            Assert.Null(final.Warning);
            Assert.Equal("001/KB/XI/2026", final.Draft.Number);
            Assert.Equal(DraftStatus.Final, final.Draft.Status);
            Assert.False(final.Draft.CanEdit);

            var agreement = await _s.LoadAsync(id);
            var doc = Assert.Single(agreement.Documents, x => x.Id == final.DocumentId);
            Assert.Equal(DocumentKind.KesepakatanBersama, doc.Kind);
            Assert.Equal("001/KB/XI/2026", doc.Number);
            Assert.Equal("application/pdf", doc.ContentType);

            var bytes = (await files.ReadAsync(doc.FileSha256!)).Value!;
            using (var pdfDoc = PdfDocument.Open(bytes))
            {
                var text = string.Join(" ", pdfDoc.GetPages().Select(p => p.Text));
                Assert.Contains(final.VerificationCode, text);
                Assert.Contains("001/KB/XI/2026", text);
            }

            await using var db2 = _db.NewDb();
            var seen = await VerifyDocument.FindAsync(db2, final.VerificationCode.ToLowerInvariant().Replace("-", ""));
            Assert.True(seen.Ok);
            Assert.Equal(doc.FileSha256, seen.Value!.Sha256);
            Assert.Contains("Kabupaten Bandung", seen.Value.Parties);
            var genuine = await VerifyDocument.CheckAsync(db2, final.VerificationCode, bytes, files.MaxBytes);
            Assert.True(genuine.Value!.Genuine);
            var tampered = (byte[])bytes.Clone();
            tampered[tampered.Length / 2] ^= 0x20;
            var modified = await VerifyDocument.CheckAsync(db2, final.VerificationCode, tampered, files.MaxBytes);
            Assert.False(modified.Value!.Genuine);
            Assert.IsType<NotFoundError>((await VerifyDocument.FindAsync(db2, "0000-0000-0000")).Error);

            // Signing: paraf in the configured order, then the signing with scan and checklist.
            var esign = new NoElectronicSignature();
            var signing = await Ok(db => Signing.GetAsync(db, esign, Tkksd, id, d.Id));
            Assert.Equal(Signing.DefaultParafOrder.Length + 1, signing.Paraf.Count);
            Assert.Contains("Bupati Bandung", signing.Paraf[^1].Office);
            Assert.False(signing.CanRecord);
            Assert.Contains("belum dikonfigurasi", signing.ElectronicSignature);
            Assert.IsType<ConflictError>(await Fails(db => Signing.ParafAsync(db, esign, Actors.Officer, id, d.Id, new ParafRequest { Order = 2, Name = "Kabag Hukum" }, _clock)));
            Assert.IsType<ForbiddenError>(await Fails(db => Signing.ParafAsync(db, esign, Tkksd, id, d.Id, new ParafRequest { Order = 1, Name = "Kabag KS" }, _clock)));
            var scan = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n% pindaian naskah bertanda tangan " + Guid.NewGuid() + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");
            var early = await Fails(db => Signing.RecordAsync(db, files, esign, Actors.Officer, id, d.Id, new RecordSigningRequest
            {
                SignedOn = Day, Place = "Cimahi", Ceremony = CeremonyType.Ceremonial, ParafOnEveryPage = true, Meterai = true, Stempel = true, Scan = scan,
            }, _clock));
            Assert.Contains("Paraf belum lengkap", early.Message);
            foreach (var step in signing.Paraf)
                signing = await Ok(db => Signing.ParafAsync(db, esign, Actors.Officer, id, d.Id, new ParafRequest { Order = step.Order, Name = $"Pejabat {step.Order}" }, _clock));
            Assert.True(signing.ParafComplete);
            var unchecked_ = Assert.IsType<ValidationError>(await Fails(db => Signing.RecordAsync(db, files, esign, Actors.Officer, id, d.Id, new RecordSigningRequest
            {
                SignedOn = Day, Place = "Cimahi", Ceremony = CeremonyType.Ceremonial, Scan = scan,
            }, _clock)));
            Assert.Contains("parafOnEveryPage", unchecked_.Fields.Keys);
            Assert.Contains("stempel", unchecked_.Fields.Keys);
            var signedView = await Ok(db => Signing.RecordAsync(db, files, esign, Actors.Officer, id, d.Id, new RecordSigningRequest
            {
                SignedOn = Day, Place = "Cimahi", Ceremony = CeremonyType.Ceremonial, ParafOnEveryPage = true, Meterai = false, Stempel = true, Scan = scan,
            }, _clock));
            Assert.Equal("Wali Kota Cimahi", signedView.Signatories[0].Office);
            // The agreement is still in preparation: the signing is kept, the stage does not move, and the message says why.
            Assert.False(signedView.Stage!.Moved);
            Assert.Contains("Penandatanganan Kesepakatan Bersama", signedView.Stage.Message);
            Assert.Equal(Stage.Preparation, (await _s.LoadAsync(id)).Stage);
            var signedDoc = Assert.Single((await _s.LoadAsync(id)).Documents, x => x.Id == signedView.SignedDocumentId);
            Assert.True(signedDoc.IsSigned);
            Assert.Equal(DocumentKind.KesepakatanBersama, signedDoc.Kind);
            var scanCheck = await VerifyDocument.CheckAsync(db2, final.VerificationCode, scan, files.MaxBytes);
            Assert.True(scanCheck.Value!.Genuine);
            Assert.Contains("pindaian", scanCheck.Value.Message);

            // A final cannot be edited or issued again; the next final of the region takes the next number.
            Assert.IsType<ConflictError>(await Fails(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, d.Id, Edit(final.Draft, cs => cs), _clock)));
            Assert.IsType<ConflictError>(await Fails(db => FinalizeDraft.HandleAsync(db, files, pdf, Actors.Officer, id, d.Id, new FinalizeDraftRequest { Version = 1 }, "https://jalin.test", _clock)));
            var letter = await Ok(db => DraftUseCases.CreateAsync(db, Actors.Officer, id, new CreateDraftRequest { TemplateCode = "surat-dprd" }, _clock));
            var second = await Ok(db => FinalizeDraft.HandleAsync(db, files, pdf, Actors.Officer, id, letter.Id, new FinalizeDraftRequest { Version = 1 }, "https://jalin.test", _clock));
            Assert.Equal("002/DPRD/XI/2026", second.Draft.Number);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task An_incomplete_draft_is_not_issued_as_final()
    {
        var (id, d) = await KbDraftAsync();
        var v2 = await Ok(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, d.Id, Edit(d, cs => cs.Where(c => c.Type != ClauseType.Term).ToList()), _clock));
        var files = new FileStore(new FileStoreOptions { Root = Path.Combine(Path.GetTempPath(), "jalin-core-tests-files", Guid.NewGuid().ToString("N")) });
        var docsBefore = await CountAsync<AgreementDocument>();
        var error = await Fails(db => FinalizeDraft.HandleAsync(db, files, new PdfConverter(new PdfOptions()), Actors.Officer, id, d.Id, new FinalizeDraftRequest { Version = 2 }, "https://jalin.test", _clock));
        var incomplete = Assert.IsType<IncompleteError>(error);
        Assert.Contains(ClauseType.Term.Label(), incomplete.Missing);
        Assert.Equal(docsBefore, await CountAsync<AgreementDocument>());
        Assert.Equal(0, await CountAsync<DocumentVerification>());
    }

    [Fact]
    public async Task Saving_fills_known_fields_and_refuses_unknown_ones()
    {
        var (id, d) = await KbDraftAsync();
        var bad = await Fails(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, d.Id, Edit(d, cs =>
        {
            cs[0].Paragraphs!.Add("Nilai {{tidak_ada}}.");
            return cs;
        }), _clock));
        var v = Assert.IsType<ValidationError>(bad);
        Assert.Contains("{{tidak_ada}}", string.Join(" ", v.Fields.SelectMany(f => f.Value)));

        var ok = await Ok(db => DraftUseCases.SaveAsync(db, Actors.Officer, id, d.Id, Edit(d, cs =>
        {
            cs[0].Paragraphs!.Add("Ditandatangani oleh {{jabatan_kesatu}} untuk {{pemerintah_daerah}}.");
            return cs;
        }), _clock));
        Assert.Contains("Ditandatangani oleh Wali Kota Cimahi untuk Pemerintah Kota Cimahi.", ok.Clauses[0].Paragraphs);
    }
}

public class DraftCompareTests
{
    private static DraftClause C(Guid key, string heading, params string[] paragraphs) => new() { Key = key, Heading = heading, Paragraphs = [.. paragraphs] };

    [Fact]
    public void Clauses_are_matched_by_key_with_removed_ones_where_they_stood()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), n = Guid.NewGuid();
        var older = new DraftVersion { Number = 1, AuthorUserId = "u", AuthorName = "U", Clauses = [C(a, "Maksud", "satu"), C(b, "Objek", "dua"), C(c, "Penutup", "tiga")] };
        var newer = new DraftVersion { Number = 2, AuthorUserId = "u", AuthorName = "U", Clauses = [C(a, "Maksud", "satu"), C(n, "Sanksi", "baru"), C(c, "Penutup", "tiga empat")] };
        var cmp = DraftUseCases.Compare(older, newer);
        Assert.Equal([a, b, n, c], cmp.Clauses.Select(x => x.Key));
        Assert.Equal([ClauseChange.Same, ClauseChange.Removed, ClauseChange.Added, ClauseChange.Changed], cmp.Clauses.Select(x => x.Change));
        var changed = cmp.Clauses[3];
        Assert.Equal("empat", changed.Segments.Single(s => s.Kind == ChangeKind.Inserted).Text.Trim());
        Assert.Equal("Objek\ndua", string.Concat(cmp.Clauses[1].Segments.Where(s => s.Kind == ChangeKind.Deleted).Select(s => s.Text)));
    }
}

/// <summary>The signing record names the office holder on the signing date, from the partner registry.</summary>
public sealed class SignatoriesOnTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 23));
    private TestDb _db = null!;
    private Scenario _s = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _s = new Scenario(_db, _clock);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_partners_signatory_is_the_one_in_office_on_the_signing_day()
    {
        var partner = await _s.AddPartnerAsync(Jalin.Core.Partners.PartnerKind.University, "Universitas Uji Tanda Tangan");
        await using (var db = _db.NewDb())
        {
            var p = await db.Partners.SingleAsync(x => x.Id == partner.Id);
            p.Signatories.Add(new Jalin.Core.Partners.PartnerSignatory { Name = "Prof. Lama", Office = "Rektor", From = new DateOnly(2020, 1, 1), Until = new DateOnly(2026, 8, 31) });
            p.Signatories.Add(new Jalin.Core.Partners.PartnerSignatory { Name = "Prof. Baru", Office = "Rektor", From = new DateOnly(2026, 9, 1) });
            await db.SaveChangesAsync();
        }
        var id = await _s.RegisterAsync(new AgreementInput
        {
            Kind = CooperationKind.Ksdpk, KsdpkKind = KsdpkKind.PublicService, Title = "Uji penanda tangan", Initiative = Initiative.Region, BudgetedInApbd = true, SignatoryName = "Ngatiyana", SignatoryOffice = "Wali Kota Cimahi",
            Parties = [new PartyInput { PartnerId = partner.Id, SignatoryName = "Prof. Lama", SignatoryOffice = "Rektor" }],
        });
        var a = await _s.LoadAsync(id);
        await using var db2 = _db.NewDb();
        var after = await Signing.SignatoriesOnAsync(db2, a, new DateOnly(2026, 11, 20), CancellationToken.None);
        Assert.Equal(["Ngatiyana", "Prof. Baru"], after.Select(x => x.Name));
        var before = await Signing.SignatoriesOnAsync(db2, a, new DateOnly(2026, 3, 2), CancellationToken.None);
        Assert.Equal("Prof. Lama", before[1].Name);
        Assert.Equal("Wali Kota Cimahi", before[0].Office);
    }
}

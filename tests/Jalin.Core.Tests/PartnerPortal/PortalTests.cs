using System.Text;
using Jalin.Core.Agencies;
using Jalin.Core.Common;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.PartnerPortal;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Jalin.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.PartnerPortal;

/// <summary>The partner portal's Core: one submission makes exactly one usulan (source Portal mitra, status Diajukan) with
/// its files; a refused one stores nothing; the status token is kept only as a hash; a probable duplicate of a registered
/// partner is flagged and can be linked.</summary>
public sealed class PortalTests : IAsyncLifetime
{
    private const string Cimahi = "32.77";
    private readonly TestClock _clock = TestClock.At(new DateOnly(2026, 11, 24));
    private readonly string _files = Path.Combine(Path.GetTempPath(), "jalin-core-tests", "portal-" + Guid.NewGuid().ToString("N"));
    private TestDb _db = null!;
    private FileStore _store = null!;
    private Guid _partnerId;
    private static readonly CurrentActor Officer = new("petugas-cimahi", "kerjasama.cimahi", "Petugas Cimahi", Role.CooperationOfficer, Cimahi);
    private static readonly CurrentActor GarutOfficer = new("petugas-garut", "kerjasama.garut", "Petugas Garut", Role.CooperationOfficer, "32.05");

    public async Task InitializeAsync()
    {
        _db = await TestDb.CreateAsync(_clock);
        _store = new FileStore(new FileStoreOptions { Root = _files, MaxBytes = 64 * 1024 });
        await using var db = _db.NewDb();
        db.Agencies.Add(new Agency { RegionCode = Cimahi, Name = "Sekretariat Daerah Kota Cimahi", ShortName = "Setda" });
        db.Users.Add(new ApplicationUser { UserName = "kerjasama.cimahi", NormalizedUserName = "KERJASAMA.CIMAHI", FullName = "Petugas Cimahi", Role = Role.CooperationOfficer, RegionCode = Cimahi });
        var partner = new Partner { RegionCode = Cimahi, Name = "PT Agro Lestari Nusantara", Kind = PartnerKind.PrivateCompany, Npwp = "012345678901234" };
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        _partnerId = partner.Id;
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        try { Directory.Delete(_files, recursive: true); } catch (IOException) { }
    }

    private static byte[] Pdf(string label) => Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% {label} {Guid.NewGuid()}\n%%EOF");

    private static PortalInput Input(string name = "PT. Agro Lestari Nusantara") => new()
    {
        RegionCode = Cimahi, Kind = PartnerKind.PrivateCompany, OrganizationName = name, Nib = "1234567890123", Address = "Jl. Raya Cibabat 1, Cimahi",
        ContactName = "Sari Wulandari", Email = "sari@agrolestari.co.id", Phone = "0812-5555-1212", Title = "Penawaran pasokan cabai dari petani mitra",
        Background = "Harga cabai di Cimahi bergejolak.", Aims = "Menstabilkan pasokan cabai.", Object = "Pasokan cabai", TermMonths = 24, Consent = true,
    };

    private async Task<(int Proposals, int Attachments, int Submissions, int Stored, int Blobs)> CountsAsync()
    {
        await using var db = _db.NewDb();
        var blobs = Directory.Exists(_files) ? Directory.GetFiles(_files, "*", SearchOption.AllDirectories).Length : 0;
        return (await db.Proposals.CountAsync(), await db.ProposalAttachments.CountAsync(), await db.PortalSubmissions.CountAsync(), await db.StoredFiles.CountAsync(), blobs);
    }

    [Fact]
    public async Task A_submission_creates_exactly_one_portal_usulan_with_its_files_and_keeps_only_the_tokens_hash()
    {
        await using (var db = _db.NewDb())
        {
            var r = await SubmitToPortal.HandleAsync(db, _store, Input(),
                [new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", Pdf("surat")), new PortalFile(PortalFileSlot.Proposal, "proposal.pdf", Pdf("proposal"))], _clock);
            Assert.True(r.Ok, r.Error?.Message);
            Assert.Equal("MTR-2026-000001", r.Value!.TrackingNumber);
            Assert.True(r.Value.Token.Length >= 40);
        }
        Assert.Equal((1, 2, 1, 2, 2), await CountsAsync());
        await using var check = _db.NewDb();
        var p = await check.Proposals.Include(x => x.Attachments).SingleAsync();
        Assert.Equal(ProposalSource.PartnerPortal, p.Source);
        Assert.Equal(ProposalStatus.Submitted, p.Status);
        Assert.Contains(p.Attachments, a => a.Kind == ProposalAttachmentKind.OfferLetter);
        var s = await check.PortalSubmissions.SingleAsync();
        Assert.Equal(64, s.TokenHash.Length);
        // the token is not stored anywhere in the row, only its SHA-256
        Assert.DoesNotContain(await check.PortalSubmissions.Select(x => x.TokenHash).ToListAsync(), h => h.Length < 64);
        Assert.True(await check.Notifications.AnyAsync(n => n.Link == $"/app/usulan/{p.Id}"), "the region's officer is notified");
    }

    [Fact]
    public async Task The_status_is_found_by_the_token_only_and_a_wrong_token_is_not_found()
    {
        string token;
        await using (var db = _db.NewDb())
            token = (await SubmitToPortal.HandleAsync(db, _store, Input(), [new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", Pdf("s"))], _clock)).Value!.Token;
        await using var check = _db.NewDb();
        var ok = await GetPortalStatus.HandleAsync(check, token);
        Assert.True(ok.Ok);
        Assert.Contains("menunggu pemeriksaan", ok.Value!.StatusText);
        var wrong = await GetPortalStatus.HandleAsync(check, token[..^2] + (token.EndsWith("AA") ? "BB" : "AA"));
        Assert.IsType<NotFoundError>(wrong.Error);
        var hash = await check.PortalSubmissions.Select(x => x.TokenHash).SingleAsync();
        Assert.IsType<NotFoundError>((await GetPortalStatus.HandleAsync(check, hash)).Error); // the stored hash does not open the page
    }

    [Fact]
    public async Task Refused_submissions_store_nothing_a_renamed_exe_missing_offer_letter_oversize_honeypot()
    {
        var before = await CountsAsync();
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 };
        await using var db = _db.NewDb();
        Assert.IsType<ValidationError>((await SubmitToPortal.HandleAsync(db, _store, Input(),
            [new PortalFile(PortalFileSlot.Proposal, "ok.pdf", Pdf("ok")), new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", exe)], _clock)).Error);
        Assert.IsType<ValidationError>((await SubmitToPortal.HandleAsync(db, _store, Input(), [new PortalFile(PortalFileSlot.Proposal, "p.pdf", Pdf("p"))], _clock)).Error);
        Assert.IsType<TooLargeError>((await SubmitToPortal.HandleAsync(db, _store, Input(),
            [new PortalFile(PortalFileSlot.OfferLetter, "besar.pdf", [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[70 * 1024]])], _clock)).Error);
        Assert.IsType<ValidationError>((await SubmitToPortal.HandleAsync(db, _store, Input() with { Website = "http://spam" },
            [new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", Pdf("s"))], _clock)).Error);
        Assert.IsType<ValidationError>((await SubmitToPortal.HandleAsync(db, _store, Input() with { Consent = false, Email = "bukan" },
            [new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", Pdf("s"))], _clock)).Error);
        Assert.IsType<ValidationError>((await SubmitToPortal.HandleAsync(db, _store, Input() with { RegionCode = "32.05" },
            [new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", Pdf("s"))], _clock)).Error); // Garut has no officer here
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_probable_duplicate_is_flagged_and_the_officer_links_it_requests_a_document_and_the_partner_answers()
    {
        Guid proposalId; string token;
        await using (var db = _db.NewDb())
        {
            var r = (await SubmitToPortal.HandleAsync(db, _store, Input(), [new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", Pdf("s"))], _clock)).Value!;
            (proposalId, token) = (r.ProposalId, r.Token);
        }
        await using (var db = _db.NewDb())
        {
            var info = (await GetPortalInfo.HandleAsync(db, Officer, proposalId)).Value!;
            var dup = Assert.Single(info.Duplicates);
            Assert.Equal(_partnerId, dup.PartnerId);
            Assert.IsType<NotFoundError>((await GetPortalInfo.HandleAsync(db, GarutOfficer, proposalId)).Error); // another region's officer sees nothing
            Assert.IsType<NotFoundError>((await PortalOfficer.RequestDocumentsAsync(db, GarutOfficer, proposalId, new() { Message = "Kirim akta" }, _clock)).Error);
            Assert.True((await PortalOfficer.LinkPartnerAsync(db, Officer, proposalId, new PortalLinkInput { PartnerId = _partnerId }, _clock)).Ok);
        }
        Guid requestId;
        await using (var db = _db.NewDb())
        {
            Assert.Equal(_partnerId, (await db.Proposals.SingleAsync(p => p.Id == proposalId)).PartnerId);
            requestId = (await PortalOfficer.RequestDocumentsAsync(db, Officer, proposalId, new() { Message = "Mohon kirim akta pendirian perusahaan." }, _clock)).Value!.Id;
        }
        await using (var db = _db.NewDb())
        {
            var status = (await GetPortalStatus.HandleAsync(db, token)).Value!;
            Assert.Equal("Mohon kirim akta pendirian perusahaan.", Assert.Single(status.Requests).Message);
            var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00 };
            Assert.IsType<ValidationError>((await AnswerPortalRequest.HandleAsync(db, _store, token, requestId, "akta", [("akta.pdf", exe)], _clock)).Error);
            Assert.True((await AnswerPortalRequest.HandleAsync(db, _store, token, requestId, "Akta terlampir.", [("akta.pdf", Pdf("akta"))], _clock)).Ok);
        }
        await using (var db = _db.NewDb())
        {
            var info = (await GetPortalInfo.HandleAsync(db, Officer, proposalId)).Value!;
            Assert.Equal("Akta terlampir.", Assert.Single(info.Requests).AnswerText);
            Assert.Equal(2, await db.ProposalAttachments.CountAsync(a => a.ProposalId == proposalId));
            Assert.IsType<ConflictError>((await AnswerPortalRequest.HandleAsync(db, _store, token, requestId, "lagi", [], _clock)).Error);
        }
    }

    [Fact]
    public async Task The_sender_gets_a_receipt_mail_with_the_status_link_and_a_mail_when_documents_are_requested_a_refusal_mails_nothing()
    {
        Guid proposalId; string token;
        await using (var db = _db.NewDb())
        {
            Assert.IsType<ValidationError>((await SubmitToPortal.HandleAsync(db, _store, Input() with { Consent = false }, [new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", Pdf("s"))], _clock)).Error);
            Assert.Equal(0, await db.MailOutbox.CountAsync());
            var r = (await SubmitToPortal.HandleAsync(db, _store, Input(), [new PortalFile(PortalFileSlot.OfferLetter, "surat.pdf", Pdf("s"))], _clock)).Value!;
            (proposalId, token) = (r.ProposalId, r.Token);
        }
        await using (var db = _db.NewDb())
        {
            var receipt = await db.MailOutbox.AsNoTracking().SingleAsync(m => m.ToAddress == "sari@agrolestari.co.id");
            Assert.StartsWith("Tanda terima pengajuan MTR-2026-", receipt.Subject);
            Assert.EndsWith("kepada Kota Cimahi", receipt.Subject);
            Assert.Equal($"/mitra/status/{token}", receipt.Link);
            Assert.Contains("Penawaran pasokan cabai dari petani mitra", receipt.TextBody);
            // the key is in the outbox until sent, never in the audit trail
            Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType.Contains("Outbox")));
            Assert.False(await db.AuditEntries.AnyAsync(a => (a.After != null && a.After.Contains(token)) || (a.Before != null && a.Before.Contains(token))));
            Assert.True((await PortalOfficer.RequestDocumentsAsync(db, Officer, proposalId, new() { Message = "Mohon kirim NIB terbaru." }, _clock)).Ok);
        }
        await using (var db = _db.NewDb())
        {
            var request = await db.MailOutbox.AsNoTracking().SingleAsync(m => m.DedupeKey.StartsWith("portal-request:"));
            Assert.Equal("sari@agrolestari.co.id", request.ToAddress);
            Assert.Contains("Mohon kirim NIB terbaru.", request.TextBody);
            Assert.DoesNotContain(token, request.TextBody);            // the key travels once, in the receipt
            Assert.Null(request.Link);
        }
    }
}

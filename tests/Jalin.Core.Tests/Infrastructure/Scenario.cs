using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tests.Infrastructure;

public static class Actors
{
    /// <summary>Kota Cimahi (32.77), the owning region in these tests.</summary>
    public const string Cimahi = "32.77";
    /// <summary>Kabupaten Bandung (32.04), the other party of the KSDD.</summary>
    public const string KabBandung = "32.04";

    public static readonly CurrentActor Officer = new("officer-cimahi", "petugas.cimahi", "Petugas Cimahi", Role.CooperationOfficer, Cimahi);
    public static readonly CurrentActor Dprd = new("dprd-cimahi", "dprd.cimahi", "Setwan Cimahi", Role.DprdViewer, Cimahi);
    public static readonly CurrentActor Leader = new("leader-cimahi", "sekda.cimahi", "Sekda Cimahi", Role.Leader, Cimahi);
    public static readonly CurrentActor PartyOfficer = new("officer-kabbdg", "petugas.kabbdg", "Petugas Kab. Bandung", Role.CooperationOfficer, KabBandung);
    public static readonly CurrentActor Stranger = new("officer-garut", "petugas.garut", "Petugas Garut", Role.CooperationOfficer, "32.05");
    public static readonly CurrentActor ProvinceOfficer = new("officer-jabar", "petugas.jabar", "Petugas Jabar", Role.CooperationOfficer, "32");
}

/// <summary>Agreements on a <see cref="TestDb"/>, moved only through the real use cases; documents
/// are inserted as rows (attachment itself is not what these tests are about).</summary>
public sealed class Scenario(TestDb database, TestClock clock)
{
    public TestDb Database { get; } = database;
    public TestClock Clock { get; } = clock;

    public static AgreementInput Ksdd(string title = "Pengelolaan sampah regional Cimahi–Kabupaten Bandung") => new()
    {
        Kind = CooperationKind.KsddSukarela, Title = title, BudgetedInApbd = false, BurdensPublic = false,
        StartsOn = new DateOnly(2026, 1, 1), EndsOn = new DateOnly(2028, 12, 31),
        DocumentNumber = "415.4/001/Pem", SignatoryName = "Ngatiyana", SignatoryOffice = "Wali Kota Cimahi",
        Parties = [new PartyInput { RegionCode = Actors.KabBandung, DocumentNumber = "415/002/Tapem", SignatoryName = "Dadang Supriatna", SignatoryOffice = "Bupati Bandung" }],
    };

    public async Task<Guid> RegisterAsync(AgreementInput input, CurrentActor? actor = null)
    {
        await using var db = Database.NewDb();
        var result = await RegisterAgreement.HandleAsync(db, actor ?? Actors.Officer, input, Clock);
        Assert.True(result.Ok, result.Error?.ToString());
        return result.Value;
    }

    public async Task<AgreementDocument> AddDocAsync(Guid agreementId, DocumentKind kind, bool signed = false, Guid? parent = null)
    {
        await using var db = Database.NewDb();
        var stage = await db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Stage).SingleAsync();
        var doc = new AgreementDocument
        {
            AgreementId = agreementId, Kind = kind, Title = kind.Label(), Stage = stage, ParentDocumentId = parent,
            SignedOn = signed ? Wib.Today(Clock) : null, FileSha256 = signed ? new string('d', 64) : null,
            FileName = signed ? "naskah.pdf" : null, UploadedBy = Actors.Officer.UserName, CreatedAt = Clock.GetUtcNow(), RegionCode = Actors.Cimahi,
        };
        db.ActingAs(Actors.Officer).AgreementDocuments.Add(doc);
        await db.SaveChangesAsync();
        return doc;
    }

    public async Task<Result<ActionApplied>> ApplyAsync(Guid id, string action, CurrentActor? actor = null, ActionRequest? request = null)
    {
        await using var db = Database.NewDb();
        return await ApplyLifecycleAction.HandleAsync(db, actor ?? Actors.Officer, id, action, request ?? new ActionRequest(), Clock);
    }

    public async Task<ActionApplied> MustApplyAsync(Guid id, string action, CurrentActor? actor = null, ActionRequest? request = null)
    {
        var result = await ApplyAsync(id, action, actor, request);
        Assert.True(result.Ok, $"{action}: {result.Error}");
        return result.Value!;
    }

    public async Task<Agreement> LoadAsync(Guid id)
    {
        await using var db = Database.NewDb();
        return await db.Agreements.AsNoTracking().Include(a => a.History).Include(a => a.Documents).Include(a => a.Parties).AsSplitQuery().SingleAsync(a => a.Id == id);
    }

    public async Task SetRegionSettingAsync(string key, string value, string region = Actors.Cimahi)
    {
        await using var db = Database.NewDb();
        db.RegionSettings.Add(new Regions.RegionSetting { RegionCode = region, Key = key, Value = value });
        await db.SaveChangesAsync();
    }

    public async Task<Partner> AddPartnerAsync(PartnerKind kind, string name, string region = Actors.Cimahi, string? partnerRegion = null)
    {
        await using var db = Database.NewDb();
        var partner = new Partner { RegionCode = region, Kind = kind, Name = name, PartnerRegionCode = partnerRegion, CreatedAt = Clock.GetUtcNow() };
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner;
    }

    /// <summary>Registers a KSDD sukarela that needs DPRD (not budgeted) and walks it to DprdApproval.</summary>
    public async Task<Guid> KsddAtDprdApprovalAsync()
    {
        var id = await RegisterAsync(Ksdd());
        await AddDocAsync(id, DocumentKind.TermsOfReference);
        await AddDocAsync(id, DocumentKind.Assessment);
        await MustApplyAsync(id, "complete-preparation");
        await AddDocAsync(id, DocumentKind.OfferLetter);
        await AddDocAsync(id, DocumentKind.OfferAnswer);
        await MustApplyAsync(id, "accept-offer");
        await AddDocAsync(id, DocumentKind.KesepakatanBersama);
        await MustApplyAsync(id, "finalize-kb");
        var kb = await LoadAsync(id);
        var draft = kb.Documents.Single(d => d.Kind == DocumentKind.KesepakatanBersama);
        await using (var db = Database.NewDb())
        {
            var doc = await db.AgreementDocuments.SingleAsync(d => d.Id == draft.Id);
            doc.SignedOn = Wib.Today(Clock);
            doc.FileSha256 = new string('e', 64);
            await db.ActingAs(Actors.Officer).SaveChangesAsync();
        }
        var signed = await MustApplyAsync(id, "record-kb-signing");
        Assert.Equal(Stage.DprdApproval, signed.To);
        return id;
    }

    /// <summary>From DprdApproval: request, approve, draft and sign the PKS → Implementation.</summary>
    public async Task<Guid> KsddInImplementationAsync()
    {
        var id = await KsddAtDprdApprovalAsync();
        await AddDocAsync(id, DocumentKind.DprdRequest);
        await MustApplyAsync(id, "request-dprd-approval");
        await AddDocAsync(id, DocumentKind.DprdDecision);
        await MustApplyAsync(id, "record-dprd-approval", Actors.Dprd);
        var kb = (await LoadAsync(id)).Documents.Single(d => d.Kind == DocumentKind.KesepakatanBersama);
        await AddDocAsync(id, DocumentKind.PerjanjianKerjaSama, signed: true, parent: kb.Id);
        await MustApplyAsync(id, "finalize-pks");
        var applied = await MustApplyAsync(id, "record-pks-signing");
        Assert.Equal(Stage.Implementation, applied.To);
        return id;
    }
}

using Jalin.Core.Identity;
using Jalin.Core.Tkksd;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Kota Cimahi's TKKSD (issue #10 item 4): the team under the 2026 SK, the default criteria, and the
/// agreement in preparation assigned to three members, two of whom have submitted their assessment.</summary>
internal static class DemoTkksd
{
    public const string Region = "32.77";
    public const string DecreeNumber = "100.3.3.2/Kep.45-Setda/2026";
    public const string AssessedTitle = "Kerja Sama Penyusunan Dasbor Data Terpadu Kota";
    public const string TransitProposalTitle = "Integrasi Angkutan Umum Cimahi–Kota Bandung";

    public static async Task SeedAsync(Func<JalinDb> newDb, DemoData.DemoClock clock, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people, CancellationToken ct)
    {
        var officer = people["kerjasama.cimahi"];
        var tkksd = people["tkksd.cimahi"];
        clock.Now = DemoData.DemoClock.At(today.AddDays(-30));
        var year = today.Year;
        Dictionary<string, Guid> agencies;
        await using (var db = newDb())
            agencies = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == Region).ToDictionaryAsync(a => a.ShortName ?? a.Name, a => a.Id, ct);

        TeamView team;
        await using (var db = newDb())
        {
            var created = await TkksdTeams.CreateAsync(db, officer, new TeamInput
            {
                DecreeNumber = DecreeNumber, DecreeDate = new DateOnly(year, 1, 8), PeriodStart = new DateOnly(year, 1, 8), PeriodEnd = new DateOnly(year, 12, 31),
            }, clock, ct);
            team = created.Value ?? throw new InvalidOperationException("Demo TKKSD: " + created.Error!.Message);
        }
        (string Name, string Position, TeamRole Role, string? Agency, string? UserId)[] members =
        [
            ("Ngatiyana", "Wali Kota Cimahi", TeamRole.Pengarah, null, null),
            ("Drs. Hendra Gunawan, M.Si.", "Sekretaris Daerah Kota Cimahi", TeamRole.Ketua, "Setda", null),
            ("Drs. Achmad Nuryana, M.Si.", "Asisten Pemerintahan dan Kesejahteraan Rakyat", TeamRole.WakilKetua, "Setda", null),
            ("Heni Rohaeni, S.H., M.H.", "Kepala Bagian Kerja Sama Setda Kota Cimahi", TeamRole.Sekretaris, "Setda", null),
            ("Dr. Asep Hidayat", "Kepala Badan Perencanaan Pembangunan Daerah", TeamRole.Anggota, "Bappeda", tkksd.UserId),
            ("Ratna Wulandari, S.H.", "Kepala Bagian Hukum Setda Kota Cimahi", TeamRole.Anggota, "Setda", null),
            ("Budi Santoso, S.E., Ak.", "Kepala Badan Pengelolaan Keuangan dan Aset Daerah (BPKAD)", TeamRole.Anggota, null, null),
            ("Ir. Eka Priatna, M.T.", "Inspektur Kota Cimahi", TeamRole.Anggota, null, null),
            ("Yuni Kartika, S.Kom.", "Kepala Dinas Komunikasi dan Informatika (untuk usulan bidangnya)", TeamRole.AnggotaInsidental, "Diskominfo", null),
        ];
        var order = 0;
        foreach (var m in members)
        {
            await using var db = newDb();
            var added = await TkksdTeams.AddMemberAsync(db, officer, team.Id, new MemberInput
            {
                Name = m.Name, Position = m.Position, Role = m.Role, AgencyId = m.Agency is { } a && agencies.TryGetValue(a, out var id) ? id : null, UserId = m.UserId, Order = ++order,
            }, ct);
            team = added.Value ?? throw new InvalidOperationException("Demo TKKSD member: " + added.Error!.Message);
        }
        await using (var db = newDb())
        {
            var saved = await TkksdCriteria.SetAsync(db, officer, new CriteriaInput
            {
                Criteria = TkksdCriteria.Defaults.Select(c => new CriterionInput { Name = c.Name, Description = c.Description, Weight = c.Weight }).ToList(),
            }, ct);
            if (!saved.Ok) throw new InvalidOperationException("Demo TKKSD criteria: " + saved.Error!.Message);
        }

        Guid agreementId;
        await using (var db = newDb())
            agreementId = await db.Agreements.Where(a => a.RegionCode == Region && a.Title == AssessedTitle).Select(a => a.Id).FirstAsync(ct);
        Guid Member(string name) => team.Members.First(x => x.Name == name).Id;
        var bappeda = Member("Dr. Asep Hidayat");
        var hukum = Member("Ratna Wulandari, S.H.");
        var bpkad = Member("Budi Santoso, S.E., Ak.");
        clock.Now = DemoData.DemoClock.At(today.AddDays(-9));
        await using (var db = newDb())
        {
            var assigned = await TkksdAssessments.AssignAsync(db, officer, SubjectType.Agreement, agreementId,
                new AssignInput { MemberIds = [bappeda, hukum, bpkad], DueOn = today.AddDays(5) }, clock, ct);
            if (!assigned.Ok) throw new InvalidOperationException("Demo TKKSD assignment: " + assigned.Error!.Message);
        }
        var names = TkksdCriteria.Defaults.Select(c => c.Name).ToArray();
        // Bagian Hukum and BPKAD have submitted (through the secretariat, who typed their signed forms); Bappeda has not yet.
        clock.Now = DemoData.DemoClock.At(today.AddDays(-6));
        await SubmitAsync(newDb, officer, clock, agreementId, hukum, [4, 4, 3, 3, 2, 4],
            ["Urusan statistik dan persandian/informatika adalah kewenangan kota.", null, null, "Perlu klausul kerahasiaan data pribadi.", "Akta pendirian mitra belum memuat bidang analitik data; minta perubahan akta atau surat keterangan.", null],
            Recommendation.LayakDenganPerbaikan, "Layak setelah legalitas mitra dilengkapi dan klausul pelindungan data pribadi dimasukkan.", ct);
        clock.Now = DemoData.DemoClock.At(today.AddDays(-4));
        await SubmitAsync(newDb, officer, clock, agreementId, bpkad, [4, 4, 4, 3, 4, 3],
            [null, null, "Biaya Rp350 juta sudah tercantum dalam DPA Diskominfo tahun berjalan.", null, null, "Dianggarkan dalam APBD tahun berjalan dan tidak membebani masyarakat."],
            Recommendation.Layak, "Anggaran tersedia; pembayaran bertahap sesuai keluaran.", ct);

        // The Dishub usulan the TKKSD is assessing: Bappeda (tkksd.cimahi) and Bagian Hukum assigned; Bagian Hukum has assessed.
        Guid? transit;
        await using (var db = newDb())
            transit = await db.Proposals.Where(p => p.RegionCode == Region && p.Title == TransitProposalTitle).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (transit is { } proposalId)
        {
            clock.Now = DemoData.DemoClock.At(today.AddDays(-3));
            await using (var db = newDb())
            {
                var assigned = await TkksdAssessments.AssignAsync(db, officer, SubjectType.Proposal, proposalId,
                    new AssignInput { MemberIds = [bappeda, hukum], DueOn = today.AddDays(7) }, clock, ct);
                if (!assigned.Ok) throw new InvalidOperationException("Demo TKKSD assignment on the usulan: " + assigned.Error!.Message);
            }
            clock.Now = DemoData.DemoClock.At(today.AddDays(-1));
            await SubmitAsync(newDb, officer, clock, proposalId, hukum, [4, 3, 4, 3, 3, 3],
                ["Urusan perhubungan; kedua kota berwenang atas angkutan dalam wilayahnya.", null, null, null, "Pembagian pendapatan tiket belum diatur.", null],
                Recommendation.LayakDenganPerbaikan, "Layak setelah skema pembagian pendapatan tiket disepakati.", ct, SubjectType.Proposal);
        }

        await SeedGarutAsync(newDb, clock, today, people, ct);

        async Task SubmitAsync(Func<JalinDb> mk, CurrentActor actor, TimeProvider c, Guid id, Guid member, int[] scores, string?[] notes, Recommendation rec, string remarks,
            CancellationToken token, SubjectType type = SubjectType.Agreement)
        {
            await using var db = mk();
            var done = await TkksdAssessments.SubmitAsync(db, actor, type, id, member, new AssessmentInput
            {
                Scores = names.Select((n, i) => new ScoreInput { Criterion = n, Score = scores[i], Note = notes[i] }).ToList(), Recommendation = rec, Remarks = remarks,
            }, c, token);
            if (!done.Ok) throw new InvalidOperationException("Demo TKKSD assessment: " + done.Error!.Message);
        }
    }

    public const string GarutRegion = "32.05";
    public const string GarutDecreeNumber = "100.3.3.2/Kep.112-Pem/2026";
    public const string GarutOfferTitle = "Kerja Sama Pasokan Sayuran Dataran Tinggi dari Kabupaten Garut";

    /// <summary>Kabupaten Garut's small TKKSD (issue #10 item 5: the region an offer is addressed to runs its own assessment before
    /// answering): the team, the default criteria, and Cimahi's offer waiting in Garut's queue assigned to two members, one with
    /// the demo account tkksd.garut. Garut's assessments and kajian are Garut's own; Cimahi never sees them.</summary>
    private static async Task SeedGarutAsync(Func<JalinDb> newDb, DemoData.DemoClock clock, DateOnly today, IReadOnlyDictionary<string, CurrentActor> people, CancellationToken ct)
    {
        var officer = people["kerjasama.garut"];
        var tkksd = people["tkksd.garut"];
        var year = today.Year;
        clock.Now = DemoData.DemoClock.At(today.AddDays(-20));
        TeamView team;
        await using (var db = newDb())
        {
            var created = await TkksdTeams.CreateAsync(db, officer, new TeamInput
            {
                DecreeNumber = GarutDecreeNumber, DecreeDate = new DateOnly(year, 1, 15), PeriodStart = new DateOnly(year, 1, 15), PeriodEnd = new DateOnly(year, 12, 31),
            }, clock, ct);
            team = created.Value ?? throw new InvalidOperationException("Demo TKKSD Garut: " + created.Error!.Message);
        }
        (string Name, string Position, TeamRole Role, string? UserId)[] members =
        [
            ("Drs. Nurdin Yana, M.Si.", "Sekretaris Daerah Kabupaten Garut", TeamRole.Ketua, null),
            ("Euis Komalasari", "Kepala Bagian Kerja Sama Setda Kabupaten Garut", TeamRole.Sekretaris, officer.UserId),
            ("Ir. Dedi Kurniawan, M.P.", "Kepala Dinas Pertanian Kabupaten Garut", TeamRole.Anggota, tkksd.UserId),
            ("Rini Sumarni, S.H.", "Kepala Bagian Hukum Setda Kabupaten Garut", TeamRole.Anggota, null),
        ];
        var order = 0;
        foreach (var m in members)
        {
            await using var db = newDb();
            var added = await TkksdTeams.AddMemberAsync(db, officer, team.Id, new MemberInput { Name = m.Name, Position = m.Position, Role = m.Role, UserId = m.UserId, Order = ++order }, ct);
            team = added.Value ?? throw new InvalidOperationException("Demo TKKSD Garut member: " + added.Error!.Message);
        }
        await using (var db = newDb())
        {
            var saved = await TkksdCriteria.SetAsync(db, officer, new CriteriaInput
            {
                Criteria = TkksdCriteria.Defaults.Select(c => new CriterionInput { Name = c.Name, Description = c.Description, Weight = c.Weight }).ToList(),
            }, ct);
            if (!saved.Ok) throw new InvalidOperationException("Demo TKKSD Garut criteria: " + saved.Error!.Message);
        }
        Guid? offer;
        await using (var db = newDb())
            offer = await db.Agreements.Where(a => a.RegionCode == Region && a.Title == GarutOfferTitle).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (offer is not { } offerId) return;
        clock.Now = DemoData.DemoClock.At(today.AddDays(-2));
        await using (var db = newDb())
        {
            var assigned = await TkksdAssessments.AssignAsync(db, officer, SubjectType.Agreement, offerId,
                new AssignInput { MemberIds = team.Members.Where(x => x.Role == TeamRole.Anggota).Select(x => x.Id).ToList(), DueOn = today.AddDays(7) }, clock, ct);
            if (!assigned.Ok) throw new InvalidOperationException("Demo TKKSD Garut assignment: " + assigned.Error!.Message);
        }
    }
}

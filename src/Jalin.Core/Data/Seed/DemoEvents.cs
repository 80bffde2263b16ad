using Jalin.Core.Events;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Data.Seed;

/// <summary>Demo coordination events (issue #10 item 8), made through the real use cases: Kota Cimahi's sosialisasi of the
/// mandatory cooperation (KSDD wajib, PP 28/2018 Pasal 5) held two weeks ago with Garut and Kota Bandung invited, attendance,
/// minutes and a follow-up for Garut's officer; and an upcoming FGD pemetaan on Cimahi's open mapping round.</summary>
internal static class DemoEvents
{
    public static async Task SeedAsync(Func<JalinDb> newDb, TimeProvider clock, DateOnly today, CancellationToken ct)
    {
        await using var db = newDb();
        if (await db.Events.AnyAsync(ct)) return;
        var people = await db.Users.AsNoTracking().Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, u => u.ToActor(), ct);
        if (!people.TryGetValue("kerjasama.cimahi", out var officer)) return;

        async Task<T> Must<T>(Task<Common.Result<T>> task)
        {
            var r = await task;
            if (!r.Ok) throw new InvalidOperationException("Demo acara: " + r.Error);
            return r.Value!;
        }

        var held = await Must(CreateEvent.HandleAsync(newDb(), officer, new EventInput
        {
            Kind = EventKind.Sosialisasi, Title = "Sosialisasi kerja sama daerah wajib (KSDD wajib) dengan daerah berbatasan",
            Date = today.AddDays(-14), StartTime = "09.00", EndTime = "12.00", Place = "Aula Gedung A Pemerintah Kota Cimahi",
            Agenda = "Pembukaan oleh Asisten Pemerintahan\nPaparan kewajiban kerja sama daerah berbatasan (PP 28/2018 Pasal 5)\nPemetaan urusan lintas batas: persampahan, transportasi, pasokan pangan\nDiskusi dan kesepakatan tindak lanjut",
        }, clock, ct));
        await Must(InviteToEvent.HandleAsync(newDb(), officer, held, new InviteRequest
        {
            Invitees =
            [
                new() { Kind = InviteeKind.Role, RegionCode = "32.05", Role = Role.CooperationOfficer },
                new() { Kind = InviteeKind.Role, RegionCode = "32.73", Role = Role.CooperationOfficer },
                new() { Kind = InviteeKind.Guest, Name = "Dr. Hendra Gunawan", Institution = "Biro Pemerintahan dan Otonomi Daerah Provinsi Jawa Barat", Email = "hendra.gunawan@jabarprov.go.id" },
            ],
        }, clock, ct));
        await Must(ApplyEventAction.HandleAsync(newDb(), officer, held, EventAction.SendInvitations, new EventActionRequest(), clock, ct));
        await Must(ApplyEventAction.HandleAsync(newDb(), officer, held, EventAction.MarkHeld, new EventActionRequest(), clock, ct));
        await using (var read = newDb())
        {
            var invitees = await read.EventInvitees.AsNoTracking().Where(i => i.EventId == held).ToListAsync(ct);
            await Must(RecordAttendance.HandleAsync(newDb(), officer, held, new AttendanceRequest
            {
                Items = [.. invitees.Select(i => new AttendanceItem
                {
                    InviteeId = i.Id,
                    Attendance = i.InviteeRegionCode == "32.73" ? Attendance.Represented : Attendance.Present,
                    AttendedBy = i.InviteeRegionCode == "32.05" ? "Euis Komalasari" : i.InviteeRegionCode == "32.73" ? "Kasubbag Kerja Sama Kota Bandung" : null,
                })],
            }, clock, ct));
        }
        await Must(SaveMinutes.HandleAsync(newDb(), officer, held, new MinutesRequest
        {
            Points = "Kota Cimahi memaparkan kewajiban kerja sama dengan daerah berbatasan untuk urusan yang berdampak lintas batas.\nKabupaten Garut menawarkan pasokan cabai dan sayuran untuk pengendalian inflasi Kota Cimahi.\nKota Bandung mengusulkan pembahasan trayek angkutan lintas batas.",
            Decisions = "Kota Cimahi dan Kabupaten Garut menyusun rancangan Kesepakatan Bersama pasokan komoditas pangan.\nPembahasan trayek lintas batas dengan Kota Bandung dilanjutkan dalam rapat koordinasi bulan depan.",
            TakenBy = officer.FullName,
        }, clock, ct));
        if (people.TryGetValue("kerjasama.garut", out var garut))
            await Must(AddFollowUp.HandleAsync(newDb(), officer, held, new FollowUpInput { Title = "Kirim data kapasitas pasokan cabai per bulan", OwnerUserId = garut.UserId, DueDate = today.AddDays(7) }, clock, ct));
        await Must(AddFollowUp.HandleAsync(newDb(), officer, held, new FollowUpInput { Title = "Susun draf Kesepakatan Bersama pasokan pangan", OwnerUserId = officer.UserId, DueDate = today.AddDays(-2) }, clock, ct));
        await Must(ApplyEventAction.HandleAsync(newDb(), officer, held, EventAction.FinalizeMinutes, new EventActionRequest(), clock, ct));

        var round = await db.MappingRounds.AsNoTracking().Where(r => r.RegionCode == "32.77" && r.IsOpen).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var fgd = await Must(CreateEvent.HandleAsync(newDb(), officer, new EventInput
        {
            Kind = EventKind.FgdPemetaan, Title = "FGD pemetaan potensi dan kebutuhan kerja sama bersama perangkat daerah",
            Date = today.AddDays(5), StartTime = "13.00", EndTime = "15.30", Place = "Ruang Rapat Bagian Kerja Sama, Gedung B", OnlineLink = "https://meet.cimahikota.go.id/fgd-pemetaan",
            Agenda = "Penjelasan isian pemetaan\nPembahasan kebutuhan per OPD\nPencocokan dengan potensi daerah berbatasan", MappingRoundId = round,
        }, clock, ct));
        await Must(InviteToEvent.HandleAsync(newDb(), officer, fgd, new InviteRequest
        {
            Invitees = [new() { Kind = InviteeKind.Role, RegionCode = "32.77", Role = Role.AgencyUser }, new() { Kind = InviteeKind.Role, RegionCode = "32.77", Role = Role.TeamMember }],
        }, clock, ct));
        await Must(ApplyEventAction.HandleAsync(newDb(), officer, fgd, EventAction.SendInvitations, new EventActionRequest(), clock, ct));
    }
}

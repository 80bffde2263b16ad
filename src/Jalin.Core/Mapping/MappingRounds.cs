using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Mapping;

public sealed record MappingRoundInput(string? Title, int? Year, DateOnly? Deadline, IReadOnlyList<Guid>? AgencyIds);

/// <summary>Where one OPD stands in a round. <see cref="Late"/>: not submitted and the deadline has passed.</summary>
public sealed record RoundAgencyStatus(Guid AgencyId, string AgencyName, bool Submitted, DateTimeOffset? SubmittedAt, string? SubmittedBy,
    int Items, int Drafts, bool Late, DateTimeOffset? LastReminder);

public sealed record MappingRoundView(Guid Id, string RegionCode, int Year, string Title, DateOnly Deadline, bool IsOpen, int DaysLeft,
    int Asked, int SubmittedCount, IReadOnlyList<RoundAgencyStatus> Agencies, bool CanManage, bool CanSubmit);

public sealed record MappingRoundSummary(Guid Id, int Year, string Title, DateOnly Deadline, bool IsOpen, int Asked, int SubmittedCount, int LateCount);

public sealed record ReminderInput(Guid? AgencyId, string? Message);

public sealed record ReminderView(Guid Id, Guid RoundId, string RoundTitle, DateOnly Deadline, string Message, string SentBy, DateTimeOffset SentAt);

/// <summary>Mapping rounds: the Bagian Kerja Sama asks the OPDs for their potentials and needs by a deadline,
/// sees who has not submitted, and reminds them in the app.</summary>
public static class MappingRounds
{
    private static readonly NotFoundError NotFound = new("Putaran pemetaan tidak ditemukan.");

    public static async Task<Result<IReadOnlyList<MappingRoundSummary>>> ListAsync(JalinDb db, CurrentActor actor, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || !MappingAccess.IsInsider(actor, region))
            return new ForbiddenError("Putaran pemetaan hanya dilihat oleh perangkat daerah dan Bagian Kerja Sama daerahnya.");
        var today = Wib.Today(clock);
        var rounds = await db.MappingRounds.AsNoTracking().Include(r => r.Agencies).Where(r => r.RegionCode == region)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt).ToListAsync(ct);
        return Result<IReadOnlyList<MappingRoundSummary>>.From(rounds.Select(r => new MappingRoundSummary(r.Id, r.Year, r.Title, r.Deadline, r.IsOpen,
            r.Agencies.Count, r.Agencies.Count(a => a.SubmittedAt is not null), r.Agencies.Count(a => IsLate(r, a, today)))).ToList());
    }

    public static bool IsLate(MappingRound round, MappingRoundAgency agency, DateOnly today) => agency.SubmittedAt is null && today > round.Deadline;

    public static async Task<Result<MappingRoundView>> GetAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var round = await db.MappingRounds.AsNoTracking().Include(r => r.Agencies).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || !MappingAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        return await ViewAsync(db, actor, round, clock, ct);
    }

    public static async Task<Result<MappingRoundView>> CreateAsync(JalinDb db, CurrentActor actor, MappingRoundInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (actor.RegionCode is not { } region || !MappingAccess.IsOfficerOf(actor, region))
            return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang membuka putaran pemetaan.");
        var today = Wib.Today(clock);
        var fields = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length < 5 || input.Title.Length > 200) fields["title"] = ["Judul putaran 5 sampai 200 karakter."];
        if (input.Year is not { } year || year < 2000 || year > today.Year + 5) fields["year"] = [$"Tahun pemetaan antara 2000 dan {today.Year + 5}."];
        if (input.Deadline is not { } deadline) fields["deadline"] = ["Tentukan batas waktu pengisian oleh OPD."];
        else if (deadline < today) fields["deadline"] = ["Batas waktu tidak boleh sebelum hari ini."];
        var active = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == region && a.IsActive).Select(a => a.Id).ToListAsync(ct);
        var asked = input.AgencyIds is { Count: > 0 } chosen ? chosen.Distinct().ToList() : active;
        if (asked.Any(a => !active.Contains(a))) fields["agencyIds"] = ["Setiap OPD yang diminta harus perangkat daerah aktif di daerah ini."];
        else if (asked.Count == 0) fields["agencyIds"] = ["Daerah ini belum memiliki perangkat daerah aktif; tambahkan OPD terlebih dahulu."];
        if (fields.Count > 0) return new ValidationError("Data putaran pemetaan belum benar.", fields);
        var round = new MappingRound
        {
            RegionCode = region, Title = input.Title!.Trim(), Year = input.Year!.Value, Deadline = input.Deadline!.Value, CreatedBy = actor.UserName,
            CreatedAt = clock.GetUtcNow(),
        };
        round.Agencies.AddRange(asked.Select(a => new MappingRoundAgency { RoundId = round.Id, AgencyId = a, RegionCode = region }));
        db.ActingAs(actor).MappingRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, actor, round, clock, ct);
    }

    public static async Task<Result<MappingRoundView>> CloseAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var round = await db.MappingRounds.Include(r => r.Agencies).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || !MappingAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        if (!MappingAccess.IsOfficerOf(actor, round.RegionCode)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang menutup putaran pemetaan.");
        if (!round.IsOpen) return new ConflictError("Putaran ini sudah ditutup.");
        round.IsOpen = false;
        await db.ActingAs(actor).SaveChangesAsync(ct);
        return await ViewAsync(db, actor, round, clock, ct);
    }

    /// <summary>An OPD marks its submission for the round done: its drafts in the round are submitted with it.</summary>
    public static async Task<Result<MappingRoundView>> SubmitAsync(JalinDb db, CurrentActor actor, Guid id, TimeProvider clock, CancellationToken ct = default)
    {
        var round = await db.MappingRounds.Include(r => r.Agencies).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || !MappingAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        if (actor.Role != Role.AgencyUser || actor.AgencyId is not { } agency)
            return new ForbiddenError("Penyelesaian pengisian dinyatakan oleh pengguna OPD yang diminta dalam putaran ini.");
        var row = round.Agencies.FirstOrDefault(a => a.AgencyId == agency);
        if (row is null) return new ForbiddenError("OPD Anda tidak diminta mengisi putaran pemetaan ini.");
        if (!round.IsOpen) return new ConflictError("Putaran pemetaan ini sudah ditutup.");
        if (row.SubmittedAt is not null) return new ConflictError("OPD Anda sudah menyatakan selesai untuk putaran ini.");
        var items = await db.MappingItems.Where(i => i.RoundId == id && i.AgencyId == agency).ToListAsync(ct);
        if (items.Count == 0)
            return ValidationError.Of("items", "Catat paling sedikit satu potensi atau kebutuhan sebelum menyatakan selesai.");
        var now = clock.GetUtcNow();
        foreach (var i in items.Where(i => i.Status is MappingStatus.Draft or MappingStatus.Returned))
        {
            i.Status = MappingStatus.Submitted;
            i.UpdatedAt = now;
            i.UpdatedBy = actor.UserName;
            i.Version++;
        }
        row.SubmittedAt = now;
        row.SubmittedBy = actor.UserName;
        await db.ActingAs(actor).SaveChangesAsync(ct);
        return await ViewAsync(db, actor, round, clock, ct);
    }

    /// <summary>Remind one OPD, or every OPD of the round that has not submitted.</summary>
    public static async Task<Result<IReadOnlyList<ReminderView>>> RemindAsync(JalinDb db, CurrentActor actor, Guid id, ReminderInput input, TimeProvider clock,
        CancellationToken ct = default)
    {
        var round = await db.MappingRounds.AsNoTracking().Include(r => r.Agencies).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || !MappingAccess.IsInsider(actor, round.RegionCode)) return NotFound;
        if (!MappingAccess.IsOfficerOf(actor, round.RegionCode)) return new ForbiddenError("Hanya petugas Bagian Kerja Sama yang mengirim pengingat pemetaan.");
        if (!round.IsOpen) return new ConflictError("Putaran pemetaan ini sudah ditutup; pengingat tidak dikirim.");
        if (input.Message is { Length: > 1000 }) return ValidationError.Of("message", "Pesan pengingat paling banyak 1.000 karakter.");
        var pending = round.Agencies.Where(a => a.SubmittedAt is null).ToList();
        if (input.AgencyId is { } one)
        {
            if (round.Agencies.All(a => a.AgencyId != one)) return ValidationError.Of("agencyId", "OPD ini tidak diminta dalam putaran pemetaan ini.");
            pending = pending.Where(a => a.AgencyId == one).ToList();
            if (pending.Count == 0) return new ConflictError("OPD ini sudah menyatakan selesai; pengingat tidak diperlukan.");
        }
        if (pending.Count == 0) return new ConflictError("Semua OPD sudah menyatakan selesai; tidak ada yang perlu diingatkan.");
        var message = string.IsNullOrWhiteSpace(input.Message)
            ? $"Mohon lengkapi potensi dan kebutuhan OPD Anda untuk \"{round.Title}\" lalu nyatakan selesai paling lambat {IndonesianFormat.FormatDateLong(round.Deadline)}."
            : input.Message.Trim();
        var now = clock.GetUtcNow();
        var rows = pending.Select(a => new MappingReminder
        {
            RegionCode = round.RegionCode, RoundId = round.Id, AgencyId = a.AgencyId, Message = message, SentBy = actor.FullName, SentAt = now,
        }).ToList();
        db.ActingAs(actor).MappingReminders.AddRange(rows);
        await db.SaveChangesAsync(ct);
        // The OPD's users also get it in their notification bell; the reminder row's id keeps a retry from sending it twice.
        foreach (var r in rows)
            await Notifications.Notify.ToAgency(db, actor,
                new Notifications.NotificationMessage(Notifications.NotificationKind.Reminder, $"Pengingat pemetaan: {round.Title}", r.Message,
                    $"/app/pemetaan/putaran/{round.Id}", Notifications.NotificationSubjects.MappingRound, round.Id.ToString(), r.Id.ToString()),
                r.AgencyId, clock, canSee: u => u.RegionCode == round.RegionCode, ct: ct);
        return Result<IReadOnlyList<ReminderView>>.From(rows.Select(r => new ReminderView(r.Id, round.Id, round.Title, round.Deadline, r.Message, r.SentBy, r.SentAt)).ToList());
    }

    /// <summary>The reminders for the OPD user's own OPD in rounds still open and not yet submitted (its dashboard).</summary>
    public static async Task<Result<IReadOnlyList<ReminderView>>> MyRemindersAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (actor.Role != Role.AgencyUser || actor.AgencyId is not { } agency) return Result<IReadOnlyList<ReminderView>>.From([]);
        var rows = await (from r in db.MappingReminders.AsNoTracking()
                          join round in db.MappingRounds.AsNoTracking() on r.RoundId equals round.Id
                          join ra in db.MappingRoundAgencies.AsNoTracking() on new { r.RoundId, r.AgencyId } equals new { ra.RoundId, ra.AgencyId }
                          where r.AgencyId == agency && round.IsOpen && ra.SubmittedAt == null
                          select new { r.Id, r.RoundId, round.Title, round.Deadline, r.Message, r.SentBy, r.SentAt }).ToListAsync(ct);
        return Result<IReadOnlyList<ReminderView>>.From(rows.OrderByDescending(r => r.SentAt).Take(10)
            .Select(r => new ReminderView(r.Id, r.RoundId, r.Title, r.Deadline, r.Message, r.SentBy, r.SentAt)).ToList());
    }

    private static async Task<MappingRoundView> ViewAsync(JalinDb db, CurrentActor actor, MappingRound round, TimeProvider clock, CancellationToken ct)
    {
        var today = Wib.Today(clock);
        var ids = round.Agencies.Select(a => a.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var counts = await db.MappingItems.AsNoTracking().Where(i => i.RoundId == round.Id)
            .GroupBy(i => i.AgencyId).Select(g => new { g.Key, All = g.Count(), Drafts = g.Count(i => i.Status == MappingStatus.Draft || i.Status == MappingStatus.Returned) })
            .ToDictionaryAsync(x => x.Key, ct);
        var reminders = (await db.MappingReminders.AsNoTracking().Where(r => r.RoundId == round.Id).Select(r => new { r.AgencyId, r.SentAt }).ToListAsync(ct))
            .GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.Max(r => r.SentAt));
        var rows = round.Agencies.Select(a => new RoundAgencyStatus(a.AgencyId, names.GetValueOrDefault(a.AgencyId, "—"), a.SubmittedAt is not null, a.SubmittedAt,
                a.SubmittedBy, counts.GetValueOrDefault(a.AgencyId)?.All ?? 0, counts.GetValueOrDefault(a.AgencyId)?.Drafts ?? 0, IsLate(round, a, today),
                reminders.TryGetValue(a.AgencyId, out var last) ? last : null))
            .OrderByDescending(r => r.Late).ThenBy(r => r.Submitted).ThenBy(r => r.AgencyName).ToList();
        var canSubmit = round.IsOpen && actor.Role == Role.AgencyUser && round.Agencies.Any(a => a.AgencyId == actor.AgencyId && a.SubmittedAt is null);
        return new MappingRoundView(round.Id, round.RegionCode, round.Year, round.Title, round.Deadline, round.IsOpen, round.Deadline.DayNumber - today.DayNumber,
            rows.Count, rows.Count(r => r.Submitted), rows, MappingAccess.IsOfficerOf(actor, round.RegionCode), canSubmit);
    }
}

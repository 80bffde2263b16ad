using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Tkksd;

/// <summary>Who reads and keeps a region's TKKSD: its cooperation officers keep the team, the
/// criteria and the assignments; its leaders and team members read; other regions see nothing.</summary>
public static class TkksdAccess
{
    public static bool Reads(CurrentActor actor) =>
        actor.RegionCode is not null && actor.Role is Role.CooperationOfficer or Role.TeamMember or Role.Leader;

    public static bool Manages(CurrentActor actor) => actor.RegionCode is not null && actor.Role == Role.CooperationOfficer;

    public static readonly ForbiddenError NotReader = new("Data TKKSD hanya dibaca petugas Bagian Kerja Sama, pimpinan dan anggota TKKSD daerah itu.");
    public static readonly ForbiddenError NotManager = new("Tim, kriteria dan penugasan TKKSD dikelola petugas Bagian Kerja Sama daerah.");
}

public sealed record MemberView(Guid Id, string? UserId, string? UserName, string Name, string Position, TeamRole Role, string RoleLabel, Guid? AgencyId,
    string? AgencyName, bool IsActive, int Order);

public sealed record TeamView(Guid Id, string RegionCode, string DecreeNumber, DateOnly DecreeDate, DateOnly PeriodStart, DateOnly? PeriodEnd, bool IsActive,
    int Version, IReadOnlyList<MemberView> Members);

public sealed record TkksdOverview(TeamView? Active, IReadOnlyList<TeamView> Earlier, bool CanManage);

public sealed record TeamInput
{
    public string? DecreeNumber { get; init; }
    public DateOnly? DecreeDate { get; init; }
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }
    /// <summary>On creation: members carried over from the active team (active ones), so a yearly SK is not retyped.</summary>
    public bool CopyMembers { get; init; }
}

public sealed record MemberInput
{
    public string? Name { get; init; }
    public string? Position { get; init; }
    public TeamRole? Role { get; init; }
    public Guid? AgencyId { get; init; }
    public string? UserId { get; init; }
    public bool IsActive { get; init; } = true;
    public int? Order { get; init; }
}

public static class TkksdTeams
{
    public static async Task<Result<TkksdOverview>> GetAsync(JalinDb db, CurrentActor actor, CancellationToken ct = default)
    {
        if (!TkksdAccess.Reads(actor)) return TkksdAccess.NotReader;
        var teams = await db.TkksdTeams.AsNoTracking().Include(t => t.Members).Where(t => t.RegionCode == actor.RegionCode)
            .OrderByDescending(t => t.PeriodStart).ToListAsync(ct);
        var views = await ViewsAsync(db, teams, ct);
        return new TkksdOverview(views.FirstOrDefault(v => v.IsActive), views.Where(v => !v.IsActive).ToList(), TkksdAccess.Manages(actor));
    }

    /// <summary>The region's active team, tracked or not.</summary>
    public static Task<TkksdTeam?> ActiveAsync(JalinDb db, string regionCode, CancellationToken ct, bool tracking = false)
    {
        var q = db.TkksdTeams.Include(t => t.Members).Where(t => t.RegionCode == regionCode && t.IsActive);
        return (tracking ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    internal static async Task<List<TeamView>> ViewsAsync(JalinDb db, List<TkksdTeam> teams, CancellationToken ct)
    {
        var agencyIds = teams.SelectMany(t => t.Members).Select(m => m.AgencyId).OfType<Guid>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var userIds = teams.SelectMany(t => t.Members).Select(m => m.UserId).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
        return teams.Select(t => View(t, agencies, users)).ToList();
    }

    private static TeamView View(TkksdTeam t, Dictionary<Guid, string> agencies, Dictionary<string, string?> users) =>
        new(t.Id, t.RegionCode, t.DecreeNumber, t.DecreeDate, t.PeriodStart, t.PeriodEnd, t.IsActive, t.Version,
            t.Members.OrderBy(m => m.Role).ThenBy(m => m.Order).ThenBy(m => m.Name).Select(m => new MemberView(m.Id, m.UserId,
                m.UserId is { } u && users.TryGetValue(u, out var n) ? n : null, m.Name, m.Position, m.Role, m.Role.Label(), m.AgencyId,
                m.AgencyId is { } a && agencies.TryGetValue(a, out var an) ? an : null, m.IsActive, m.Order)).ToList());

    private static Dictionary<string, string[]> Check(TeamInput input)
    {
        var f = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.DecreeNumber)) f["decreeNumber"] = ["Nomor Keputusan (SK) pembentukan tim wajib diisi."];
        else if (input.DecreeNumber.Trim().Length > 150) f["decreeNumber"] = ["Nomor SK paling banyak 150 karakter."];
        if (input.DecreeDate is null) f["decreeDate"] = ["Tanggal SK wajib diisi."];
        if (input.PeriodStart is null) f["periodStart"] = ["Awal masa kerja tim wajib diisi."];
        if (input.PeriodStart is { } s && input.PeriodEnd is { } e && e < s) f["periodEnd"] = ["Akhir masa kerja tidak boleh sebelum awalnya."];
        return f;
    }

    /// <summary>A new SK: the new team becomes the region's active one; the previous active team is closed the
    /// day before the new period begins (praktik daerah: a new Keputusan replaces the earlier team).</summary>
    public static async Task<Result<TeamView>> CreateAsync(JalinDb db, CurrentActor actor, TeamInput input, TimeProvider clock, CancellationToken ct = default)
    {
        if (!TkksdAccess.Manages(actor)) return TkksdAccess.NotManager;
        var f = Check(input);
        if (f.Count > 0) return new ValidationError("Data tim belum benar.", f);
        var region = actor.RegionCode!;
        if (await db.TkksdTeams.AnyAsync(t => t.RegionCode == region && t.DecreeNumber == input.DecreeNumber!.Trim(), ct))
            return ValidationError.Of("decreeNumber", "Tim dengan nomor SK ini sudah tercatat.");
        var old = await ActiveAsync(db, region, ct, tracking: true);
        if (old is not null && input.PeriodStart <= old.PeriodStart)
            return ValidationError.Of("periodStart", $"Masa kerja tim baru harus dimulai setelah awal masa kerja tim yang berlaku ({old.PeriodStart:dd/MM/yyyy}).");
        var team = new TkksdTeam
        {
            RegionCode = region, DecreeNumber = input.DecreeNumber!.Trim(), DecreeDate = input.DecreeDate!.Value, PeriodStart = input.PeriodStart!.Value,
            PeriodEnd = input.PeriodEnd, IsActive = true, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.UserName,
        };
        if (old is not null)
        {
            old.IsActive = false;
            var dayBefore = team.PeriodStart.AddDays(-1);
            if (old.PeriodEnd is null || old.PeriodEnd > dayBefore) old.PeriodEnd = dayBefore;
            old.Version++;
            if (input.CopyMembers)
                foreach (var m in old.Members.Where(m => m.IsActive))
                    team.Members.Add(new TkksdMember
                    {
                        TeamId = team.Id, RegionCode = region, UserId = m.UserId, Name = m.Name, Position = m.Position, Role = m.Role, AgencyId = m.AgencyId, Order = m.Order,
                    });
        }
        db.ActingAs(actor).TkksdTeams.Add(team);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, [team], ct))[0];
    }

    public static async Task<Result<TeamView>> UpdateAsync(JalinDb db, CurrentActor actor, Guid teamId, TeamInput input, CancellationToken ct = default)
    {
        if (!TkksdAccess.Manages(actor)) return TkksdAccess.NotManager;
        var team = await db.TkksdTeams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == teamId && t.RegionCode == actor.RegionCode, ct);
        if (team is null) return new NotFoundError("Tim TKKSD tidak ditemukan.");
        var f = Check(input);
        if (f.Count > 0) return new ValidationError("Data tim belum benar.", f);
        team.DecreeNumber = input.DecreeNumber!.Trim();
        team.DecreeDate = input.DecreeDate!.Value;
        team.PeriodStart = input.PeriodStart!.Value;
        team.PeriodEnd = input.PeriodEnd;
        team.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, [team], ct))[0];
    }

    private static async Task<Dictionary<string, string[]>> CheckMemberAsync(JalinDb db, string region, MemberInput input, CancellationToken ct)
    {
        var f = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name)) f["name"] = ["Nama anggota wajib diisi."];
        else if (input.Name.Trim().Length > 200) f["name"] = ["Nama paling banyak 200 karakter."];
        if (string.IsNullOrWhiteSpace(input.Position)) f["position"] = ["Jabatan anggota wajib diisi."];
        else if (input.Position.Trim().Length > 200) f["position"] = ["Jabatan paling banyak 200 karakter."];
        if (input.Role is null) f["role"] = ["Kedudukan dalam tim wajib dipilih."];
        else if (!Enum.IsDefined(input.Role.Value)) f["role"] = ["Kedudukan dalam tim tidak dikenal."];
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency && a.RegionCode == region, ct))
            f["agencyId"] = ["Perangkat daerah tidak ditemukan di daerah ini."];
        if (!string.IsNullOrEmpty(input.UserId)
            && !await db.Users.AnyAsync(u => u.Id == input.UserId && u.RegionCode == region && u.IsActive && (u.Role == Role.TeamMember || u.Role == Role.CooperationOfficer || u.Role == Role.Leader), ct))
            f["userId"] = ["Akun tidak ditemukan: pilih akun aktif anggota TKKSD, petugas atau pimpinan daerah ini."];
        return f;
    }

    public static async Task<Result<TeamView>> AddMemberAsync(JalinDb db, CurrentActor actor, Guid teamId, MemberInput input, CancellationToken ct = default)
    {
        if (!TkksdAccess.Manages(actor)) return TkksdAccess.NotManager;
        var team = await db.TkksdTeams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == teamId && t.RegionCode == actor.RegionCode, ct);
        if (team is null) return new NotFoundError("Tim TKKSD tidak ditemukan.");
        var f = await CheckMemberAsync(db, team.RegionCode, input, ct);
        if (f.Count > 0) return new ValidationError("Data anggota belum benar.", f);
        if (team.Members.Count >= 60) return ValidationError.Of("name", "Satu tim paling banyak 60 anggota.");
        var member = new TkksdMember
        {
            TeamId = team.Id, RegionCode = team.RegionCode, Name = input.Name!.Trim(), Position = input.Position!.Trim(), Role = input.Role!.Value, AgencyId = input.AgencyId,
            UserId = string.IsNullOrEmpty(input.UserId) ? null : input.UserId, IsActive = input.IsActive, Order = input.Order ?? team.Members.Count + 1,
        };
        db.ActingAs(actor).TkksdMembers.Add(member); // EF adds it to team.Members (the team is tracked with its members)
        if (!team.Members.Contains(member)) team.Members.Add(member);
        team.Version++;
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, [team], ct))[0];
    }

    public static async Task<Result<TeamView>> UpdateMemberAsync(JalinDb db, CurrentActor actor, Guid teamId, Guid memberId, MemberInput input, CancellationToken ct = default)
    {
        if (!TkksdAccess.Manages(actor)) return TkksdAccess.NotManager;
        var team = await db.TkksdTeams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == teamId && t.RegionCode == actor.RegionCode, ct);
        var member = team?.Members.FirstOrDefault(m => m.Id == memberId);
        if (team is null || member is null) return new NotFoundError("Anggota TKKSD tidak ditemukan.");
        var f = await CheckMemberAsync(db, team.RegionCode, input, ct);
        if (f.Count > 0) return new ValidationError("Data anggota belum benar.", f);
        member.Name = input.Name!.Trim();
        member.Position = input.Position!.Trim();
        member.Role = input.Role!.Value;
        member.AgencyId = input.AgencyId;
        member.UserId = string.IsNullOrEmpty(input.UserId) ? null : input.UserId;
        member.IsActive = input.IsActive;
        if (input.Order is { } o) member.Order = o;
        team.Version++;
        db.ActingAs(actor);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, [team], ct))[0];
    }
}

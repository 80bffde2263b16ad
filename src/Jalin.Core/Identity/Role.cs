namespace Jalin.Core.Identity;

/// <summary>Who uses Jalin (DOMAIN.md "Roles"). Every right is scoped to a region, and for
/// <see cref="AgencyUser"/> to an agency, for <see cref="PartnerUser"/> to a partner.</summary>
public enum Role
{
    SystemAdmin,
    CooperationOfficer,
    AgencyUser,
    TeamMember,
    Leader,
    DprdViewer,
    Auditor,
    PartnerUser,
    SupervisorProvince,
    SupervisorNational,
    /// <summary>Jalin itself, applying clock-driven actions (deemed approval, expiry).</summary>
    System,
}

public static class RoleLabels
{
    public static string Label(this Role role) => role switch
    {
        Role.SystemAdmin => "Administrator Sistem",
        Role.CooperationOfficer => "Petugas Bagian Kerja Sama",
        Role.AgencyUser => "Pengguna Perangkat Daerah (OPD)",
        Role.TeamMember => "Anggota TKKSD",
        Role.Leader => "Pimpinan (Sekda/Kepala Daerah)",
        Role.DprdViewer => "Sekretariat DPRD",
        Role.Auditor => "Auditor/Inspektorat",
        Role.PartnerUser => "Penghubung Mitra",
        Role.SupervisorProvince => "Pembina Provinsi (Gubernur)",
        Role.SupervisorNational => "Pembina Nasional (Kemendagri)",
        Role.System => "Sistem Jalin",
        _ => role.ToString(),
    };
}

using Jalin.Core.Lifecycle;

namespace Jalin.Core.Agreements;

/// <summary>A change to a field that is locked once the agreement is in implementation.</summary>
public sealed record LockedChange(string Field, string Label, string Before, string After, string LockedMessage);

/// <summary>During implementation, the dates and facts the lifecycle relies on move only through the
/// law's actions: the end date by <c>extend</c> (an addendum) or the foreign <c>request-extension</c>
/// (Permendagri 25/2020 Ps 33), the DPRD facts (PP 28/2018 Ps 6(2)) were decided at the KB, forwarding
/// decided the DPRD route and bordering the kind. A typing error is corrected with a recorded reason
/// (koreksi data), visible in the history.</summary>
public static class LockedFields
{
    public static bool AreLocked(Agreement a) => a.Stage == Stage.Implementation;

    public static IReadOnlyList<LockedChange> Changes(Agreement a, AgreementInput input)
    {
        if (!AreLocked(a)) return [];
        var changes = new List<LockedChange>();
        var extend = a.Kind.IsForeign() ? "Ajukan perpanjangan" : "Catat perpanjangan";
        void Check<T>(string field, string label, T before, T after, string how)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
                changes.Add(new(field, label, Show(before), Show(after), $"{label} tidak dapat diubah langsung pada tahap Pelaksanaan; {how}, atau isi alasan koreksi data bila ini salah ketik."));
        }
        Check("startsOn", "Tanggal mulai", a.StartsOn, input.StartsOn, "tanggal mulai mengikuti naskah yang ditandatangani");
        Check("endsOn", "Tanggal berakhir", a.EndsOn, input.EndsOn, $"gunakan aksi \"{extend}\" dengan naskah perubahan");
        Check("budgetedInApbd", "Sudah dianggarkan dalam APBD", a.BudgetedInApbd, input.BudgetedInApbd, "fakta ini menentukan persetujuan DPRD (PP 28/2018 Pasal 6 ayat (2)) dan telah diputuskan");
        Check("burdensPublic", "Membebani masyarakat dan daerah", a.BurdensPublic, input.BurdensPublic, "fakta ini menentukan persetujuan DPRD (PP 28/2018 Pasal 6 ayat (2)) dan telah diputuskan");
        if (a.Kind == CooperationKind.Ksdll)
            Check("isForwarding", "KSDLL penerusan", a.IsForwarding, input.IsForwarding, "sifat penerusan telah menentukan alur persetujuan DPRD");
        if (a.Kind == CooperationKind.KsddWajib)
        {
            Check("borderingConfirmed", "Konfirmasi berbatasan", a.BorderingConfirmed, input.BorderingConfirmed, "para pihak KSDD wajib telah diperiksa berbatasan (PP 28/2018 Pasal 3 ayat (2))");
            Check("borderingNote", "Catatan perbatasan", a.BorderingNote ?? "", (input.BorderingNote ?? "").Trim() is { Length: > 0 } n ? n : "", "catatan ini bagian dari pemeriksaan perbatasan");
        }
        return changes;
    }

    private static string Show<T>(T value) => value switch
    {
        null => "(kosong)",
        DateOnly d => d.ToString("dd/MM/yyyy"),
        bool b => b ? "ya" : "tidak",
        string { Length: 0 } => "(kosong)",
        _ => value.ToString()!,
    };
}

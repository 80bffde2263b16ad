using System.Text;
using Jalin.Core.Agreements;
using Jalin.Core.Common;
using Jalin.Core.Identity;

namespace Jalin.Core.Lifecycle;

public sealed record StageDescription(string Code, string Label);

public sealed record OutcomeDescription(string ToStage, string ToLabel, string? When, string? Decision, string? DecisionLabel, string? EndReason);

public sealed record RuleDescription(string Stage, string StageLabel, string Action, string Label, IReadOnlyList<OutcomeDescription> Outcomes, bool Stays,
    IReadOnlyList<string> Roles, IReadOnlyList<string> RoleLabels, bool SystemOnly, IReadOnlyList<PrerequisiteDescription> Prerequisites, string? Clock,
    string Basis, IReadOnlyList<string> Inputs, string Side = nameof(ActingSide.Owner));

public sealed record PrerequisiteDescription(string Code, string Label);

public sealed record ReasonDescription(string Code, string Label);

public sealed record KindDescription(string Kind, string Label, string FirstStage, IReadOnlyList<StageDescription> Stages, IReadOnlyList<RuleDescription> Rules,
    IReadOnlyList<ReasonDescription> TerminationReasons, string TerminationBasis, IReadOnlyList<ReasonDescription> EndsBeforeAgreement);

/// <summary>The lifecycle table in a form people and programs read: the API's JSON, the "Alur
/// kerja sama" page and docs/lifecycle.md all come from here.</summary>
public static class LifecycleDescription
{
    public static KindDescription Describe(CooperationKind kind)
    {
        var rules = LifecycleTable.For(kind);
        return new KindDescription(kind.ToString(), kind.Label(), Agreement.FirstStage(kind).ToString(),
            LifecycleTable.Stages(kind).Select(s => new StageDescription(s.ToString(), s.Label())).ToList(),
            rules.Select(r => new RuleDescription(r.Stage.ToString(), r.Stage.Label(), r.Action.Value, r.Label,
                r.Outcomes.Select(o => new OutcomeDescription(o.To.ToString(), o.To.Label(), o.When == Condition.Always ? null : WhenLabel(o.When), o.Decision, o.DecisionLabel,
                    o.EndReason?.ToString())).ToList(), r.Stays,
                r.Roles.Select(x => x.ToString()).ToList(), r.Roles.Select(x => x.Label()).ToList(), r.IsSystemOnly,
                r.Requires.Where(p => p.Code != "none").Select(p => new PrerequisiteDescription(p.Code, p.Label)).ToList(), r.ClockText, r.Basis,
                Enum.GetValues<ActionInput>().Where(i => i != ActionInput.None && r.Input.HasFlag(i)).Select(i => i.ToString()).ToList(), r.Side.ToString())).ToList(),
            LifecycleTable.TerminationReasons(kind).Select(x => new ReasonDescription(x.ToString(), x.Label())).ToList(), LifecycleTable.TerminationBasis(kind),
            LifecycleTable.EndsBeforeAgreement.Select(x => new ReasonDescription(x.ToString(), x.Label())).ToList());
    }

    public static string WhenLabel(Condition c) => c switch
    {
        Condition.NeedsDprd => "membebani masyarakat/daerah atau belum dianggarkan dalam APBD tahun berjalan",
        Condition.NoDprdNeeded => "tidak membebani dan sudah dianggarkan dalam APBD",
        Condition.NotForwarding => "selain KSDLL penerusan",
        Condition.ForwardingToDprd => "KSDLL penerusan (bawaan: PP 28/2018 Pasal 38)",
        Condition.ForwardingSkipsDprd => "KSDLL penerusan di daerah yang mengikuti Permendagri 25/2020 Pasal 16",
        _ => "",
    };

    /// <summary>docs/lifecycle.md: one section per kind, one row per rule.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Alur kerja sama (dihasilkan dari tabel tahapan)");
        sb.AppendLine();
        sb.AppendLine("Berkas ini ditulis oleh `dotnet run --project src/Jalin.Cli -- lifecycle docs` dari `src/Jalin.Core/Lifecycle/LifecycleTable.cs`. Jangan disunting manual.");
        sb.AppendLine("Hitungan hari kerja hanya di mana peraturan menyebut hari kerja; bulan dan tahun adalah waktu kalender. " + CertaintyLabels.Legend);
        sb.AppendLine();
        foreach (var kind in Enum.GetValues<CooperationKind>())
        {
            var d = Describe(kind);
            sb.AppendLine($"## {d.Label} (`{d.Kind}`)");
            sb.AppendLine();
            sb.AppendLine($"Tahap awal: {Agreement.FirstStage(kind).Label()} (`{d.FirstStage}`). Tahapan: {string.Join(" → ", d.Stages.Select(s => $"{s.Label} (`{s.Code}`)"))}.");
            sb.AppendLine();
            sb.AppendLine("| tahap | aksi | ke tahap | peran | syarat | isian | tenggat | dasar | kepastian |");
            sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
            var table = LifecycleTable.For(kind);
            foreach (var (r, rule) in d.Rules.Zip(table).Where(x => !x.Second.Action.Equals(ActionCode.Terminate) && !x.Second.Action.Equals(ActionCode.AddNote)))
            {
                var to = r.Stays ? "(tetap)" : string.Join("; ", r.Outcomes.Select(o =>
                    $"{o.ToLabel}" + (o.When is not null ? $" bila {o.When}" : "") + (o.Decision is not null ? $" (keputusan `{o.Decision}`: {o.DecisionLabel})" : "")
                    + (o.EndReason is not null ? $" [{o.EndReason}]" : "")));
                var roles = (r.SystemOnly ? "Sistem (otomatis)" : string.Join(", ", r.RoleLabels)) + (rule.Side == ActingSide.AddressedParty ? " daerah yang ditawari" : "");
                var pre = r.Prerequisites.Count == 0 ? "—" : string.Join("; ", r.Prerequisites.Select(p => p.Label));
                sb.AppendLine($"| {r.StageLabel} | {r.Label} (`{r.Action}`) | {Esc(to)} | {Esc(roles)} | {Esc(pre)} | {Esc(InputsText(rule))} | {Esc(r.Clock ?? "—")} | {Esc(r.Basis)} | {rule.Certainty.Words()} |");
            }
            sb.AppendLine();
            foreach (var common in d.Rules.Where(r => ActionCode.Terminate.Is(r.Action) || ActionCode.AddNote.Is(r.Action)).DistinctBy(r => r.Action))
                sb.AppendLine($"Di setiap tahap yang masih berjalan: **{common.Label}** (`{common.Action}`), oleh {string.Join(", ", common.RoleLabels)}"
                    + (common.Prerequisites.Count > 0 ? $"; syarat: {string.Join("; ", common.Prerequisites.Select(p => p.Label))}" : "") + $". Dasar: {common.Basis}.");
            sb.AppendLine();
            sb.AppendLine($"Alasan pengakhiran ({d.TerminationBasis}): {string.Join(", ", d.TerminationReasons.Select(x => $"{x.Label} (`{x.Code}`)"))}. "
                + $"Sebelum naskah yang mengikat ditandatangani juga: {string.Join(", ", d.EndsBeforeAgreement.Select(x => $"{x.Label} (`{x.Code}`)"))}. "
                + $"`{EndReason.TermExpired}` hanya setelah tanggal berakhir.");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>What the action asks of the person, as the row declares it (ActionInput, decisions).</summary>
    public static string InputsText(LifecycleRule rule)
    {
        var parts = new List<string>();
        if (rule.Outcomes.Any(o => o.Decision is not null)) parts.Add("keputusan");
        if (rule.Input.HasFlag(ActionInput.ReasonCode)) parts.Add("alasan");
        if (rule.Input.HasFlag(ActionInput.NewEndDate)) parts.Add("tanggal berakhir baru");
        if (rule.Input.HasFlag(ActionInput.ReceivedOn)) parts.Add("tanggal diterima");
        if (rule.Input.HasFlag(ActionInput.Document)) parts.Add("dokumen (pilihan)");
        return parts.Count == 0 ? "catatan" : "catatan; " + string.Join("; ", parts);
    }

    private static string Esc(string s) => s.Replace("|", "\\|");
}

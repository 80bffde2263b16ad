using Jalin.Core.Agencies;
using Jalin.Core.Agreements;
using Jalin.Core.Data;
using Jalin.Core.Lifecycle;
using Jalin.Core.Partners;
using Jalin.Core.Proposals;
using Jalin.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace Jalin.Core.Import;

public enum ProblemLevel { Error, Warning }

/// <summary>A problem of one value of one row. An error blocks the commit until the row is fixed or skipped; a warning
/// only informs. <see cref="Suggestions"/> are values the person may pick as a fix (e.g. official region names).</summary>
public sealed record ImportProblem(string Field, ProblemLevel Level, string Message, IReadOnlyList<string>? Suggestions = null);

/// <summary>Everything the rows are checked against, read from the database ONCE per preview or commit (the official
/// regions, the region's OPDs and partners, the agreement numbers it already holds, the urusan, its settings), so
/// that checking 10,000 rows issues no query per row (ADR 0013).</summary>
public sealed class ImportReference
{
    public required Region Owner { get; init; }
    public required RegionMatcher Regions { get; init; }
    public required IReadOnlyList<Agency> Agencies { get; init; }
    public required Dictionary<string, Agency> AgencyByKey { get; init; }
    public required Dictionary<string, Partner> PartnerByKey { get; init; }
    public required Dictionary<string, Partner> PartnerByNib { get; init; }
    public required HashSet<string> AgreementNumbers { get; init; }
    public required IReadOnlyList<GovernmentAffair> Affairs { get; init; }
    public required LifecycleSettings Settings { get; init; }
    public required DateOnly Today { get; init; }

    public static async Task<ImportReference> LoadAsync(JalinDb db, string region, TimeProvider clock, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.RegionCode == region).ToListAsync(ct);
        var byKey = new Dictionary<string, Agency>();
        foreach (var a in agencies.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            byKey.TryAdd(ImportValues.Normalize(a.Name), a);
            if (a.ShortName is { Length: > 0 } s) byKey.TryAdd(ImportValues.Normalize(s), a);
        }
        var partners = await db.Partners.AsNoTracking().Where(p => p.RegionCode == region).OrderBy(p => p.CreatedAt).ToListAsync(ct);
        var partnerByKey = new Dictionary<string, Partner>();
        var partnerByNib = new Dictionary<string, Partner>();
        foreach (var p in partners)
        {
            partnerByKey.TryAdd(ImportValues.PartnerKey(p.Name), p);
            if (p.Nib is { Length: > 0 } nib) partnerByNib.TryAdd(nib, p);
        }
        var numbers = await db.AgreementParties.AsNoTracking().Where(p => p.Order == 1 && p.RegionCode == region && p.DocumentNumber != null)
            .Select(p => p.DocumentNumber!).ToListAsync(ct);
        return new ImportReference
        {
            Owner = regions.First(r => r.Code == region), Regions = new RegionMatcher(regions), Agencies = agencies, AgencyByKey = byKey,
            PartnerByKey = partnerByKey, PartnerByNib = partnerByNib, AgreementNumbers = numbers.Select(NumberKey).ToHashSet(),
            Affairs = await db.GovernmentAffairs.AsNoTracking().ToListAsync(ct), Settings = await LifecycleContexts.SettingsAsync(db, region, ct),
            Today = Common.Wib.Today(clock),
        };
    }

    /// <summary>An agreement number reduced for matching: "180/2019/KB", "180-2019-kb" and a file "180-2019-KB.pdf" meet.</summary>
    public static string NumberKey(string number) => ImportValues.Normalize(number);

    // A register repeats the same OPD and urusan on thousands of rows: each distinct text is looked up once.
    private readonly Dictionary<string, Agency?> _agencyMemo = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _agencySuggestionMemo = [];
    private readonly Dictionary<string, GovernmentAffair?> _affairMemo = [];

    public Agency? FindAgency(string text)
    {
        if (_agencyMemo.TryGetValue(text, out var memo)) return memo;
        var key = ImportValues.Normalize(text);
        return _agencyMemo[text] = AgencyByKey.GetValueOrDefault(key)
            ?? (key.Length >= 6 ? Agencies.FirstOrDefault(a => ImportValues.Normalize(a.Name).Contains(key, StringComparison.Ordinal)) : null);
    }

    public IReadOnlyList<string> AgencySuggestions(string text)
    {
        if (_agencySuggestionMemo.TryGetValue(text, out var memo)) return memo;
        var key = ImportValues.Normalize(text);
        return _agencySuggestionMemo[text] = Agencies.Select(a => (a.Name, d: Search.SearchVocabulary.Distance(key, ImportValues.Normalize(a.Name), 6)))
            .Where(x => x.d <= Math.Max(3, key.Length / 4)).OrderBy(x => x.d).Take(3).Select(x => x.Name).ToList();
    }

    public GovernmentAffair? FindAffair(string text)
    {
        if (_affairMemo.TryGetValue(text, out var memo)) return memo;
        var key = ImportValues.Normalize(text);
        return _affairMemo[text] = Affairs.FirstOrDefault(a => a.Code == text.Trim() || ImportValues.Normalize(a.Name) == key)
            ?? (key.Length >= 5 ? Affairs.FirstOrDefault(a => ImportValues.Normalize(a.Name).Contains(key, StringComparison.Ordinal)) : null);
    }
}

/// <summary>One row after reading and checking: its values as Jalin will store them and its problems.</summary>
public sealed class ImportRow
{
    public int Row { get; init; }
    public bool Skipped { get; set; }
    public bool CreateNewPartner { get; set; }
    /// <summary>The text each mapped field had (or the person's fix), for the preview.</summary>
    public Dictionary<string, string?> Cells { get; } = [];
    /// <summary>The fields the person corrected.</summary>
    public HashSet<string> Fixed { get; } = [];
    public List<ImportProblem> Problems { get; } = [];
    public bool HasErrors => Problems.Any(p => p.Level == ProblemLevel.Error);

    // parsed values (the target decides which are used)
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Name { get; set; }
    public CooperationKind? Kind { get; set; }
    public ImportValues.NaskahForm? Form { get; set; }
    public Region? PartyRegion { get; set; }
    public Partner? ExistingPartner { get; set; }
    /// <summary>The registry's partner this row's partner names, whether the row links to it or (by the person's choice)
    /// creates a new one beside it: the page offers "pakai mitra yang ada" / "buat mitra baru" when set.</summary>
    public Partner? MatchedPartner { get; set; }
    public string? NewPartnerName { get; set; }
    public PartnerKind? PartnerKind { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public decimal? Value { get; set; }
    public Agency? Agency { get; set; }
    public GovernmentAffair? Affair { get; set; }
    public string? Object { get; set; }
    public Stage? Stage { get; set; }
    public PartnerInput? PartnerInput { get; set; }
    public AgencyInput? AgencyInput { get; set; }
    public string? Background { get; set; }

    public void Error(string field, string message, IReadOnlyList<string>? suggestions = null) => Problems.Add(new(field, ProblemLevel.Error, message, suggestions));
    public void Warn(string field, string message, IReadOnlyList<string>? suggestions = null) => Problems.Add(new(field, ProblemLevel.Warning, message, suggestions));
}

/// <summary>The checked sheet: rows (blank ones left out), mapping problems and counts.</summary>
public sealed record ImportEvaluation(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> MappingProblems, IReadOnlyList<string> Notes)
{
    public int ErrorRows => Rows.Count(r => !r.Skipped && r.HasErrors);
    public int WarningRows => Rows.Count(r => !r.Skipped && !r.HasErrors && r.Problems.Count > 0);
    public int SkippedRows => Rows.Count(r => r.Skipped);
    public int ReadyRows => Rows.Count(r => !r.Skipped && !r.HasErrors);
    public bool CanCommit => MappingProblems.Count == 0 && ErrorRows == 0 && ReadyRows > 0;
}

/// <summary>Reads every data row of a sheet through the mapping and the person's decisions and checks it against the
/// rules of the target's own create use case (annotations of its input, the law's checks of <see cref="AgreementRules"/>),
/// in memory against an <see cref="ImportReference"/>. Pure: the same input gives the same rows.</summary>
public static class ImportEngine
{
    public static ImportEvaluation Evaluate(ImportTarget target, Sheet sheet, SheetHeader header, IReadOnlyDictionary<string, int> mapping,
        IReadOnlyDictionary<int, RowDecision> decisions, ImportReference reference)
    {
        var rows = new List<ImportRow>();
        var mappingProblems = ImportFields.Missing(target, mapping);
        var fields = ImportFields.For(target).Where(f => mapping.ContainsKey(f.Code)).ToList();
        var seenNumbers = new Dictionary<string, int>();
        var seenNames = new Dictionary<string, int>();
        foreach (var sheetRow in sheet.Rows)
        {
            if (sheetRow.Number < header.FirstDataRow) continue;
            decisions.TryGetValue(sheetRow.Number, out var decision);
            object? Cell(string field)
            {
                if (decision?.Fixes.TryGetValue(field, out var fix) == true) return string.IsNullOrWhiteSpace(fix) ? null : fix;
                return mapping.TryGetValue(field, out var col) ? sheetRow[col] : null;
            }
            var row = new ImportRow { Row = sheetRow.Number, Skipped = decision?.Skip == true, CreateNewPartner = decision?.CreateNewPartner == true };
            var any = false;
            foreach (var f in fields.Select(f => f.Code).Concat(decision?.Fixes.Keys.AsEnumerable() ?? []).Distinct())
            {
                var text = SheetReader.Text(Cell(f));
                row.Cells[f] = text;
                if (text is not null) any = true;
                if (decision?.Fixes.ContainsKey(f) == true) row.Fixed.Add(f);
            }
            // Blank rows (and rows blank in every mapped column, such as a "Jumlah" line's neighbours) are not records.
            if (!any) continue;
            switch (target)
            {
                case ImportTarget.Agreements: AgreementRow(row, Cell, reference, seenNumbers); break;
                case ImportTarget.Partners: PartnerRow(row, Cell, reference, seenNames); break;
                case ImportTarget.Agencies: AgencyRow(row, Cell, reference, seenNames); break;
                default: ProposalRow(row, Cell, reference); break;
            }
            rows.Add(row);
        }
        var notes = new List<string>();
        if (target == ImportTarget.Agreements && rows.Any(r => r.Kind == CooperationKind.Ksdpk))
            notes.Add($"KSDPK diimpor sebagai jenis {KsdpkKind.PublicService.Label()}; prakarsa dikosongkan. Ubah pada halaman kerja sama bila berbeda.");
        return new ImportEvaluation(rows, mappingProblems, notes);
    }

    private static string? Text(Func<string, object?> cell, string field) => SheetReader.Text(cell(field));

    private static void AgreementRow(ImportRow row, Func<string, object?> cell, ImportReference reference, Dictionary<string, int> seenNumbers)
    {
        row.Number = Text(cell, ImportFields.Number);
        row.Title = Text(cell, ImportFields.Title);
        row.Object = Text(cell, ImportFields.Object);
        if (row.Number is { } number)
        {
            var key = ImportReference.NumberKey(number);
            if (reference.AgreementNumbers.Contains(key))
                row.Error(ImportFields.Number, $"Nomor naskah \"{number}\" sudah terdaftar di Jalin untuk daerah ini. Lewati baris ini bila kerja samanya sama, atau perbaiki nomornya.");
            else if (seenNumbers.TryGetValue(key, out var first))
                row.Error(ImportFields.Number, $"Nomor naskah \"{number}\" sama dengan baris {first}. Lewati salah satu atau perbaiki nomornya.");
            else seenNumbers[key] = row.Row;
            if (number.Length <= 4 && number.All(char.IsDigit))
                row.Warn(ImportFields.Number, $"Nomor \"{number}\" tampaknya nomor urut, bukan nomor naskah. Petakan kolom nomor naskah bila ada.");
        }

        var kind = ImportValues.Kind(cell(ImportFields.Kind));
        if (kind.Error is not null) row.Error(ImportFields.Kind, kind.Error, Enum.GetValues<CooperationKind>().Select(k => k.ShortLabel()).ToList());
        row.Kind = kind.Value?.Kind;
        row.Form = kind.Value?.Form;

        // The other party: a region (its own column, or a partner cell that names a region), or a partner of the registry.
        PartnerKind? statedKind = null;
        if (Text(cell, ImportFields.PartnerKind) is { } kindText)
        {
            statedKind = PartnerKindFrom(kindText);
            if (statedKind is null) row.Error(ImportFields.PartnerKind, $"Jenis mitra \"{kindText}\" tidak dikenal.", PartnerKindNames);
        }
        var regionText = Text(cell, ImportFields.PartnerRegion);
        var partnerText = Text(cell, ImportFields.Partner);
        if (regionText is null && partnerText is not null && (statedKind == PartnerKind.Region || ImportValues.PartnerKindOf(partnerText) == PartnerKind.Region)
            && reference.Regions.Match(partnerText) is { Region: not null }) regionText = partnerText;
        if (regionText is not null)
        {
            var field = Text(cell, ImportFields.PartnerRegion) is null ? ImportFields.Partner : ImportFields.PartnerRegion;
            var m = reference.Regions.Match(regionText);
            if (m.Region is null)
                row.Error(field, m.Suggestions.Count > 0
                    ? $"Daerah \"{regionText}\" tidak ditemukan persis di daftar resmi. Pilih salah satu: {string.Join(", ", m.Suggestions.Select(s => s.FullName))}."
                    : $"Daerah \"{regionText}\" tidak ada di daftar resmi kode wilayah.", m.Suggestions.Select(s => s.FullName).ToList());
            else if (m.Region.Code == reference.Owner.Code) row.Error(field, "Daerah sendiri sudah menjadi pihak pertama.");
            else if (!m.Region.IsAutonomous) row.Error(field, $"{m.Region.Name} bukan daerah otonom.");
            else
            {
                row.PartyRegion = m.Region;
                row.PartnerKind = PartnerKind.Region;
                if (m.Warning is not null) row.Warn(field, m.Warning);
            }
        }
        else if (partnerText is not null) ResolvePartner(row, partnerText, statedKind, reference, ImportFields.Partner);
        else row.Error(ImportFields.Partner, "Mitra atau daerah mitra wajib diisi.");

        // A naskah form alone: the kind follows the partner.
        if (row.Kind is null && kind.Error is null)
        {
            row.Kind = ImportValues.KindFor(row.PartnerKind, row.PartyRegion is not null);
            if (row.Kind is null && row.Cells.GetValueOrDefault(ImportFields.Kind) is null)
                row.Error(ImportFields.Kind, "Jenis kerja sama wajib diisi.", Enum.GetValues<CooperationKind>().Select(k => k.ShortLabel()).ToList());
            else if (row.Kind is null)
                row.Error(ImportFields.Kind, "Jenis kerja sama tidak dapat ditentukan dari bentuk naskah tanpa jenis mitra. Isi jenis kerja sama (KSDD, KSDPK, KSDPL, KSDLL, Sinergi).");
        }
        if (row.Kind is { } k)
        {
            if (row.PartyRegion is not null && k is CooperationKind.Ksdpl or CooperationKind.Ksdll)
                row.Error(ImportFields.Kind, "Kerja sama luar negeri tidak bermitra dengan daerah di dalam negeri.");
            else if (row.PartyRegion is null && row.PartnerKind is { } pk && AgreementRules.PartnerFits(k, pk) is { } fit)
                row.Error(ImportFields.Kind, fit);
            else if (row.PartyRegion is null && k.IsBetweenRegions() && row.PartnerKind is not null)
                row.Error(ImportFields.Kind, "KSDD memerlukan paling sedikit satu Daerah lain sebagai pihak.");
            if (k == CooperationKind.KsddWajib)
                row.Warn(ImportFields.Kind, "KSDD wajib: konfirmasi perbatasan para pihak belum tercatat; lengkapi pada halaman kerja sama.");
        }

        row.SignedOn = DateOf(row, cell, ImportFields.SignedOn);
        row.StartsOn = DateOf(row, cell, ImportFields.StartsOn);
        row.EndsOn = DateOf(row, cell, ImportFields.EndsOn);
        if (row.StartsOn is null && row.SignedOn is { } signed && !row.Problems.Any(p => p.Field == ImportFields.StartsOn))
        {
            row.StartsOn = signed;
            row.Warn(ImportFields.StartsOn, "Tanggal mulai tidak diisi: diambil dari tanggal penandatanganan.");
        }
        if (row.StartsOn is { } s && row.EndsOn is { } e)
        {
            if (e <= s) row.Error(ImportFields.EndsOn, "Tanggal berakhir harus setelah tanggal mulai.");
            else if (row.Kind?.IsForeign() == true && LifecycleTable.ExceedsForeignTerm(s, e))
                row.Error(ImportFields.EndsOn, LifecycleTable.ForeignTermMessage);
            else if (row.Kind?.IsForeign() != true && e > s.AddYears(reference.Settings.TermLimitYears))
                row.Warn(ImportFields.EndsOn, $"Jangka waktu melebihi {reference.Settings.TermLimitYears} tahun (pengaturan daerah); catat dasar hukumnya pada halaman kerja sama.");
        }
        else if (row.EndsOn is not null && row.StartsOn is null && !row.Problems.Any(p => p.Field == ImportFields.StartsOn))
            row.Error(ImportFields.StartsOn, "Isi tanggal mulai bila tanggal berakhir diisi.");
        else if (row.EndsOn is null && !row.Problems.Any(p => p.Field == ImportFields.EndsOn))
            row.Warn(ImportFields.EndsOn, "Tanggal berakhir tidak diisi: kerja sama dicatat masih berjalan (Pelaksanaan).");
        row.Stage = row.EndsOn is { } end && end < reference.Today ? Lifecycle.Stage.Ended : Lifecycle.Stage.Implementation;

        row.Value = AmountOf(row, cell, ImportFields.Value);
        AgencyOf(row, cell, reference, required: false);
        AffairOf(row, cell, reference);

        var input = new AgreementInput { Kind = row.Kind, Title = row.Title, Object = row.Object, Value = row.Value, DocumentNumber = row.Number };
        foreach (var (field, message) in AgreementRules.Annotations(input))
        {
            var code = field switch { "documentNumber" => ImportFields.Number, "kind" => ImportFields.Kind, _ => field };
            if (code == ImportFields.Kind && row.Problems.Any(p => p.Field == ImportFields.Kind)) continue;
            row.Error(code, message);
        }
    }

    private static void ResolvePartner(ImportRow row, string name, PartnerKind? stated, ImportReference reference, string field)
    {
        var key = ImportValues.PartnerKey(name);
        reference.PartnerByKey.TryGetValue(key, out var existing);
        row.MatchedPartner = existing;
        if (existing is not null && !row.CreateNewPartner)
        {
            row.ExistingPartner = existing;
            row.PartnerKind = existing.Kind;
            if (existing.Kind == PartnerKind.Region && existing.PartnerRegionCode is not null) { }
            row.Warn(field, $"Mitra sudah ada: \"{existing.Name}\". Baris ini ditautkan ke mitra yang ada; pilih \"buat baru\" bila berbeda.");
            return;
        }
        row.NewPartnerName = name.Trim();
        row.PartnerKind = stated ?? ImportValues.PartnerKindOf(name);
        if (existing is not null) row.Warn(field, $"Mitra \"{existing.Name}\" sudah ada, tetapi Anda memilih membuat mitra baru.");
        else row.Warn(field, $"Mitra baru \"{name.Trim()}\" akan ditambahkan ke daftar mitra daerah.");
        if (row.PartnerKind is null)
            row.Error(ImportFields.PartnerKind, $"Jenis mitra \"{name}\" tidak dapat ditentukan dari namanya. Isi jenis mitra.", PartnerKindNames);
        else if (row.PartnerKind == PartnerKind.Region)
            row.Error(field, $"\"{name}\" tampaknya pemerintah daerah, tetapi tidak ditemukan di daftar resmi. Tulis nama resminya (misalnya Kabupaten Bandung).",
                reference.Regions.Match(name).Suggestions.Select(s => s.FullName).ToList());
    }

    private static void PartnerRow(ImportRow row, Func<string, object?> cell, ImportReference reference, Dictionary<string, int> seenNames)
    {
        row.Name = Text(cell, ImportFields.Name);
        PartnerKind? kind = null;
        if (Text(cell, ImportFields.PartnerKind) is { } kindText)
        {
            kind = PartnerKindFrom(kindText);
            if (kind is null) row.Error(ImportFields.PartnerKind, $"Jenis mitra \"{kindText}\" tidak dikenal.", PartnerKindNames);
        }
        else if (row.Name is not null)
        {
            kind = ImportValues.PartnerKindOf(row.Name);
            if (kind is null) row.Error(ImportFields.PartnerKind, $"Jenis mitra \"{row.Name}\" tidak dapat ditentukan dari namanya. Isi jenis mitra.", PartnerKindNames);
        }
        string? regionCode = null;
        if (kind == PartnerKind.Region)
        {
            var text = Text(cell, ImportFields.Region) ?? row.Name ?? "";
            var m = reference.Regions.Match(text);
            if (m.Region is null)
                row.Error(ImportFields.Region, $"Daerah \"{text}\" tidak ditemukan di daftar resmi.", m.Suggestions.Select(s => s.FullName).ToList());
            else regionCode = m.Region.Code;
        }
        row.PartnerKind = kind;
        row.PartnerInput = new PartnerInput
        {
            Kind = kind, Name = row.Name, Address = Text(cell, ImportFields.Address), Email = Text(cell, ImportFields.Email), Phone = Text(cell, ImportFields.Phone),
            Nib = Text(cell, ImportFields.Nib), Npwp = Text(cell, ImportFields.Npwp), Website = Text(cell, ImportFields.Website), PartnerRegionCode = regionCode,
            CountryCode = kind?.IsForeign() == true ? null : "ID",
        };
        foreach (var (field, message) in AgreementRules.Annotations(row.PartnerInput))
            if (!(field == "kind" && row.Problems.Any(p => p.Field == ImportFields.PartnerKind)))
                row.Error(field == "kind" ? ImportFields.PartnerKind : field, message);
        if (kind?.IsForeign() == true) row.Error(ImportFields.PartnerKind, "Mitra luar negeri memerlukan kode negara; tambahkan melalui daftar mitra.");
        if (row.Name is null) return;
        var key = ImportValues.PartnerKey(row.Name);
        var existing = reference.PartnerByKey.GetValueOrDefault(key) ?? (row.PartnerInput.Nib is { } nib ? reference.PartnerByNib.GetValueOrDefault(nib) : null);
        if (existing is not null)
        {
            row.MatchedPartner = existing;
            row.ExistingPartner = row.CreateNewPartner ? null : existing;
            row.Warn(ImportFields.Name, row.CreateNewPartner
                ? $"Mitra \"{existing.Name}\" sudah ada, tetapi Anda memilih membuat mitra baru."
                : $"Mitra sudah ada: \"{existing.Name}\". Tidak dibuat lagi; pilih \"buat baru\" bila berbeda.");
        }
        else if (seenNames.TryGetValue(key, out var first)) row.Warn(ImportFields.Name, $"Sama dengan mitra di baris {first}; hanya dibuat sekali.");
        else seenNames[key] = row.Row;
    }

    private static void AgencyRow(ImportRow row, Func<string, object?> cell, ImportReference reference, Dictionary<string, int> seenNames)
    {
        row.Name = Text(cell, ImportFields.Name);
        row.AgencyInput = new AgencyInput { Name = row.Name, ShortName = Text(cell, ImportFields.ShortName), HeadTitle = Text(cell, ImportFields.HeadTitle), HeadName = Text(cell, ImportFields.HeadName) };
        foreach (var (field, message) in AgreementRules.Annotations(row.AgencyInput)) row.Error(field, message);
        if (row.Name is null) return;
        var key = ImportValues.Normalize(row.Name);
        if (reference.Agencies.FirstOrDefault(a => ImportValues.Normalize(a.Name) == key) is { } existing)
        {
            row.Agency = existing;
            row.Warn(ImportFields.Name, $"Perangkat daerah \"{existing.Name}\" sudah ada; tidak dibuat lagi.");
        }
        else if (seenNames.TryGetValue(key, out var first)) row.Warn(ImportFields.Name, $"Sama dengan baris {first}; hanya dibuat sekali.");
        else seenNames[key] = row.Row;
    }

    private static void ProposalRow(ImportRow row, Func<string, object?> cell, ImportReference reference)
    {
        row.Title = Text(cell, ImportFields.Title);
        row.Object = Text(cell, ImportFields.Object);
        row.Background = Text(cell, ImportFields.Background);
        if (row.Title is null) row.Error(ImportFields.Title, "Judul usulan wajib diisi.");
        else if (row.Title.Length is < 5 or > 500) row.Error(ImportFields.Title, "Judul 5 sampai 500 karakter.");
        AgencyOf(row, cell, reference, required: true);
        if (Text(cell, ImportFields.PartnerRegion) is { } regionText)
        {
            var m = reference.Regions.Match(regionText);
            if (m.Region is null) row.Error(ImportFields.PartnerRegion, $"Daerah \"{regionText}\" tidak ditemukan di daftar resmi.", m.Suggestions.Select(s => s.FullName).ToList());
            else if (m.Region.Code == reference.Owner.Code) row.Error(ImportFields.PartnerRegion, "Daerah sendiri tidak dapat menjadi calon mitra.");
            else row.PartyRegion = m.Region;
        }
        else if (Text(cell, ImportFields.Partner) is { } partner)
        {
            if (reference.PartnerByKey.TryGetValue(ImportValues.PartnerKey(partner), out var existing)) row.ExistingPartner = existing;
            else row.NewPartnerName = partner;
        }
        row.StartsOn = DateOf(row, cell, ImportFields.PlannedStart);
        row.Value = AmountOf(row, cell, ImportFields.Value);
        AffairOf(row, cell, reference);
    }

    private static DateOnly? DateOf(ImportRow row, Func<string, object?> cell, string field)
    {
        var r = ImportValues.Date(cell(field));
        if (r.Error is not null) row.Error(field, r.Error);
        return r.Value;
    }

    private static decimal? AmountOf(ImportRow row, Func<string, object?> cell, string field)
    {
        var r = ImportValues.Amount(cell(field));
        if (r.Error is not null) row.Error(field, r.Error);
        return r.Value;
    }

    private static void AgencyOf(ImportRow row, Func<string, object?> cell, ImportReference reference, bool required)
    {
        if (Text(cell, ImportFields.Agency) is not { } text)
        {
            if (required) row.Error(ImportFields.Agency, "Perangkat daerah pemrakarsa wajib diisi.", reference.Agencies.Select(a => a.Name).Take(10).ToList());
            return;
        }
        row.Agency = reference.FindAgency(text);
        if (row.Agency is not null) return;
        var suggestions = reference.AgencySuggestions(text);
        var message = $"Perangkat daerah \"{text}\" tidak ditemukan di daerah ini" + (suggestions.Count > 0 ? $". Mungkin: {string.Join(", ", suggestions)}." : ".");
        if (required) row.Error(ImportFields.Agency, message, suggestions);
        else row.Warn(ImportFields.Agency, message + " OPD pelaksana dikosongkan.", suggestions);
    }

    private static void AffairOf(ImportRow row, Func<string, object?> cell, ImportReference reference)
    {
        if (Text(cell, ImportFields.Affair) is not { } text) return;
        row.Affair = reference.FindAffair(text);
        if (row.Affair is null) row.Warn(ImportFields.Affair, $"Urusan \"{text}\" tidak dikenal di daftar 32 urusan; dikosongkan.");
    }

    public static readonly IReadOnlyList<string> PartnerKindNames = Enum.GetValues<PartnerKind>().Select(k => k.Label()).ToList();

    /// <summary>A partner kind from its label or a common word for it ("BUMN", "Swasta", "PT", "Perguruan Tinggi", "LSM").</summary>
    public static PartnerKind? PartnerKindFrom(string text)
    {
        var t = ImportValues.Normalize(text);
        foreach (var k in Enum.GetValues<PartnerKind>())
            if (ImportValues.Normalize(k.Label()) == t || string.Equals(k.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)) return k;
        return t switch
        {
            "bumn" => PartnerKind.StateOwnedEnterprise,
            "bumd" => PartnerKind.RegionOwnedEnterprise,
            "koperasi" => PartnerKind.Cooperative,
            "swasta" or "badan usaha" or "perusahaan" or "pt" or "cv" or "badan usaha swasta" => PartnerKind.PrivateCompany,
            "perguruan tinggi" or "universitas" or "pt perguruan tinggi" or "kampus" => PartnerKind.University,
            "ormas" or "lsm" or "ngo" or "organisasi kemasyarakatan" or "yayasan" => PartnerKind.CivilSocietyOrganization,
            "perseorangan" or "perorangan" or "individu" => PartnerKind.Individual,
            "pemda" or "pemerintah daerah" or "daerah" or "pemerintah daerah lain" => PartnerKind.Region,
            "kementerian" or "lembaga" or "instansi vertikal" or "k l" or "pusat" or "pemerintah pusat" => PartnerKind.CentralGovernmentBody,
            _ => null,
        };
    }
}

using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Files;
using Jalin.Core.Identity;
using Jalin.Core.Import;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Jalin.Web.Components.Pages.Import;

public enum WizardStep { Upload = 1, Map = 2, Preview = 3, Commit = 4, Scans = 5 }

/// <summary>The import wizard (issue #13): map the columns, preview and correct the rows, save all or nothing with live
/// progress, then attach scans. Every step calls <see cref="ImportSessions"/>; the session row is where the import stands,
/// so leaving and coming back opens the step it is at (and a commit still running shows its progress).</summary>
public partial class ImportPage : ComponentBase, IDisposable
{
    [Parameter] public Guid Id { get; set; }

    [Inject] private IDbContextFactory<JalinDb> Dbs { get; set; } = default!;
    [Inject] private UiActor Ui { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private FileStore Files { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<ImportPage> Log { get; set; } = default!;

    private static readonly (WizardStep Step, string Label)[] Steps =
    [
        (WizardStep.Upload, "Unggah"), (WizardStep.Map, "Petakan kolom"), (WizardStep.Preview, "Pratinjau"), (WizardStep.Commit, "Simpan"), (WizardStep.Scans, "Pindaian"),
    ];

    private sealed record Counts(int Ready, int Errors, int Warnings, int Skipped, bool CanCommit);

    private CurrentActor? _actor;
    private ImportSessionView? _session;
    private WizardStep _step = WizardStep.Map;
    private string? _fatal, _error;
    private bool _busy;

    // mapping
    private Dictionary<string, int> _mapping = [];
    private IReadOnlyDictionary<string, string[]> _mappingErrors = new Dictionary<string, string[]>();
    private int? _headerRow;

    // preview
    private MudTable<ImportRowView>? _rows;
    private bool _onlyProblems;
    private Counts _counts = new(0, 0, 0, 0, false);
    private IReadOnlyList<string> _mappingProblems = [];
    private IReadOnlyList<string> _notes = [];

    // commit
    private Task<Result<ImportCommitted>>? _commit;
    private ImportProgress? _progress;
    private int? _linked;
    private readonly CancellationTokenSource _leaving = new();
    private bool _polling;

    private bool Running => _session is { IsRunning: true } || _commit is { IsCompleted: false } || ImportSessions.ProgressOf(Id) is not null;

    private void Map(string code, int column)
    {
        if (column < 0) _mapping.Remove(code);
        else _mapping[code] = column;
    }

    private int Mapped(string code) => _mapping.TryGetValue(code, out var c) ? c : -1;
    private string? MapErr(string code) => _mappingErrors.TryGetValue($"fields.{code}", out var m) ? string.Join(" ", m) : null;
    private string Label(string code) => _session?.Fields.FirstOrDefault(f => f.Code == code)?.Label ?? code;
    private List<string> MissingNow => _session is null ? [] : ImportFields.Missing(_session.Target, _mapping);

    protected override async Task OnInitializedAsync()
    {
        _actor = await Ui.GetAsync();
        if (_actor is null) { _fatal = "Sesi Anda berakhir. Silakan masuk kembali."; return; }
        if (!await LoadSessionAsync()) return;
        _step = StepOf(_session!);
        if (_step == WizardStep.Commit && Running) StartPolling();
    }

    private static WizardStep StepOf(ImportSessionView s) => s.Status switch
    {
        ImportStatus.Uploaded => WizardStep.Map,
        ImportStatus.Committed => WizardStep.Commit,
        ImportStatus.Committing when s.IsRunning => WizardStep.Commit,
        _ when s.MappingProblems.Count > 0 => WizardStep.Map,
        _ => WizardStep.Preview,
    };

    private bool CanGoTo(WizardStep step) => _session is { } s && !Running && step switch
    {
        WizardStep.Map or WizardStep.Preview => s.Status != ImportStatus.Committed,
        WizardStep.Commit => s.Status == ImportStatus.Committed,
        WizardStep.Scans => s.Status == ImportStatus.Committed && s.Target == ImportTarget.Agreements,
        _ => false,
    };

    private async Task GoToAsync(WizardStep step)
    {
        if (!CanGoTo(step)) return;
        _error = null;
        if (step == WizardStep.Map) await LoadSessionAsync();
        _step = step;
    }

    private async Task<bool> LoadSessionAsync()
    {
        await using var db = await Dbs.CreateDbContextAsync();
        var r = await ImportSessions.GetAsync(db, Files, _actor!, Id);
        if (!r.Ok)
        {
            _fatal = r.Error!.Message;
            return false;
        }
        Show(r.Value!);
        return true;
    }

    private void Show(ImportSessionView s)
    {
        _session = s;
        _mapping = s.Fields.Where(f => f.Column is not null).ToDictionary(f => f.Code, f => f.Column!.Value);
        _headerRow = s.HeaderRow;
        _mappingProblems = s.MappingProblems;
    }

    // ---- 2. Petakan kolom ----

    private Task ChangeSheetAsync(string sheet) => RemapAsync(new ImportMappingRequest { SheetName = sheet }, "Lembar diganti; baris judul dicari lagi dan pemetaan disarankan ulang.");

    private Task ChangeHeaderAsync() => RemapAsync(new ImportMappingRequest { HeaderRow = _headerRow }, $"Baris {_headerRow} dipakai sebagai baris judul; pemetaan disarankan ulang.");

    private async Task SaveMappingAsync()
    {
        if (await RemapAsync(new ImportMappingRequest { Fields = new Dictionary<string, int>(_mapping) }, null))
        {
            _step = WizardStep.Preview;
            _onlyProblems = false;
        }
    }

    private async Task<bool> RemapAsync(ImportMappingRequest request, string? notice)
    {
        _busy = true;
        _error = null;
        _mappingErrors = new Dictionary<string, string[]>();
        try
        {
            await using var db = await Dbs.CreateDbContextAsync();
            var r = await ImportSessions.SetMappingAsync(db, Files, _actor!, Id, request, Clock);
            if (!r.Ok)
            {
                if (r.Error is ValidationError v) _mappingErrors = v.Fields;
                _error = r.Error!.Explain();
                return false;
            }
            Show(r.Value!);
            if (notice is not null) Snackbar.Add(notice, Severity.Info);
            return true;
        }
        finally { _busy = false; }
    }

    // ---- 3. Pratinjau ----

    private async Task<TableData<ImportRowView>> LoadRowsAsync(TableState state, CancellationToken ct)
    {
        await using var db = await Dbs.CreateDbContextAsync(ct);
        var r = await ImportSessions.PreviewAsync(db, Files, _actor!, Id, state.Page + 1, state.PageSize, _onlyProblems, Clock, ct: ct);
        if (!r.Ok)
        {
            _error = r.Error!.Explain();
            return new TableData<ImportRowView> { Items = [], TotalItems = 0 };
        }
        var p = r.Value!;
        _session = p.Session;
        _counts = new Counts(p.ReadyRows, p.ErrorRows, p.WarningRows, p.SkippedRows, p.CanCommit);
        _mappingProblems = p.MappingProblems;
        _notes = p.Notes;
        StateHasChanged();
        return new TableData<ImportRowView> { Items = p.Page.Items, TotalItems = p.Page.TotalCount };
    }

    private async Task OnlyProblemsAsync(bool only)
    {
        _onlyProblems = only;
        if (_rows is not null) await _rows.ReloadServerData();
    }

    private Task ApplyAsync(int row, string field, string value) =>
        DecideAsync(row, (db, ct) => ImportSessions.FixAsync(db, Files, _actor!, Id, row, new ImportFixRequest { Values = { [field] = value } }, Clock, ct),
            $"Baris {row}: {Label(field)} diisi \"{value}\".");

    private Task PartnerChoiceAsync(int row, bool createNew) =>
        DecideAsync(row, (db, ct) => ImportSessions.FixAsync(db, Files, _actor!, Id, row, new ImportFixRequest { CreateNewPartner = createNew }, Clock, ct),
            createNew ? $"Baris {row}: mitra baru akan dibuat." : $"Baris {row}: ditautkan ke mitra yang ada.");

    private Task SkipAsync(int row, bool skip) =>
        DecideAsync(row, (db, ct) => ImportSessions.SkipAsync(db, Files, _actor!, Id, row, skip, Clock, ct),
            skip ? $"Baris {row} dilewati." : $"Baris {row} tidak lagi dilewati.");

    private async Task EditAsync(ImportRowView row)
    {
        var parameters = new DialogParameters<ImportRowDialog>
        {
            { x => x.Row, row },
            { x => x.Fields, _session!.Fields },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<ImportRowDialog>($"Ubah baris {row.Row}", parameters, options);
        var result = await dialog.Result;
        if (result is not { Canceled: false, Data: Dictionary<string, string?> values } || values.Count == 0) return;
        await DecideAsync(row.Row, (db, ct) => ImportSessions.FixAsync(db, Files, _actor!, Id, row.Row, new ImportFixRequest { Values = values }, Clock, ct),
            $"Baris {row.Row} diperbarui.");
    }

    private async Task DecideAsync(int row, Func<JalinDb, CancellationToken, Task<Result<ImportRowResult>>> call, string done)
    {
        _busy = true;
        _error = null;
        try
        {
            await using var db = await Dbs.CreateDbContextAsync();
            var r = await call(db, CancellationToken.None);
            if (!r.Ok)
            {
                _error = r.Error!.Explain();
                return;
            }
            var v = r.Value!;
            _counts = new Counts(v.ReadyRows, v.ErrorRows, v.WarningRows, v.SkippedRows, v.CanCommit);
            Snackbar.Add($"{done} Status baris: {ImportText.RowStatus(v.Row.Status)}.", v.Row.Status == "error" ? Severity.Warning : Severity.Success);
        }
        finally { _busy = false; }
        if (_rows is not null) await _rows.ReloadServerData();
    }

    // ---- 4. Simpan ----

    private async Task ConfirmCommitAsync()
    {
        if (_session is not { } s || !_counts.CanCommit) return;
        var skipped = _counts.Skipped > 0 ? $" {ImportText.N(_counts.Skipped)} baris dilewati dan tidak disimpan." : "";
        var what = s.Target switch
        {
            ImportTarget.Agreements => $"{ImportText.N(_counts.Ready)} kerja sama akan dibuat, beserta mitra baru yang belum ada di daftar mitra.",
            ImportTarget.Proposals => $"{ImportText.N(_counts.Ready)} usulan (draf) akan dibuat.",
            _ => $"{ImportText.N(_counts.Ready)} baris {ImportText.Records(s.Target)} akan disimpan; yang sudah ada di Jalin tidak dibuat lagi.",
        };
        var ok = await Dialogs.ShowMessageBoxAsync("Simpan impor?",
            $"{what}{skipped} Penyimpanan berlaku semua atau tidak sama sekali: bila satu baris gagal disimpan, tidak ada data yang tersimpan dan impor dapat disimpan lagi. "
            + "Setelah tersimpan, impor tidak dapat diubah atau dibatalkan dari halaman ini.",
            yesText: "Simpan semua", cancelText: "Batal");
        if (ok != true) return;
        StartCommit();
    }

    private void StartCommit()
    {
        var actor = _actor!;
        var id = Id;
        _error = null;
        _linked = null;
        _progress = new ImportProgress(0, _counts.Ready);
        _step = WizardStep.Commit;
        // Not tied to the page: leaving it does not cancel the commit (one transaction that ends by itself).
        _commit = Task.Run(async () =>
        {
            try
            {
                await using var db = await Dbs.CreateDbContextAsync(CancellationToken.None);
                return await ImportSessions.CommitAsync(db, Files, actor, id, Clock, null, CancellationToken.None);
            }
            catch (Exception e)
            {
                Log.LogError(e, "Import {Id} commit failed outside its transaction", id);
                return (Result<ImportCommitted>)new ConflictError("Impor gagal disimpan karena kesalahan sistem; tidak ada data yang tersimpan. Coba simpan lagi.");
            }
        });
        StartPolling();
    }

    private void StartPolling()
    {
        if (_polling) return;
        _polling = true;
        _ = PollAsync();
    }

    /// <summary>Every half second: the commit's progress from <see cref="ImportSessions.ProgressOf"/>; when the commit is over
    /// (no progress and this page's own commit task done), the session is read again for the outcome.</summary>
    private async Task PollAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
            while (await timer.WaitForNextTickAsync(_leaving.Token))
            {
                var p = ImportSessions.ProgressOf(Id);
                if (p is not null)
                {
                    _progress = p;
                    await InvokeAsync(StateHasChanged);
                    continue;
                }
                if (_commit is { IsCompleted: false }) continue; // started, not yet writing
                await InvokeAsync(FinishAsync);
                return;
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
        finally { _polling = false; }
    }

    private async Task FinishAsync()
    {
        _progress = null;
        if (_commit is { IsCompleted: true } task)
        {
            var r = await task;
            if (r.Ok) _linked = r.Value!.Linked;
            else _error = r.Error!.Explain();
            _commit = null;
        }
        if (await LoadSessionAsync())
        {
            var s = _session!;
            _step = s.Status == ImportStatus.Committed ? WizardStep.Commit : WizardStep.Preview;
            if (s.Status == ImportStatus.Committed) Snackbar.Add($"Impor tersimpan: {ImportText.N(s.CreatedCount)} {ImportText.Records(s.Target)} dibuat.", Severity.Success);
        }
        StateHasChanged();
    }

    public void Dispose()
    {
        _leaving.Cancel();
        _leaving.Dispose();
    }
}

using Jalin.Core.Common;
using Jalin.Core.Data;
using Jalin.Core.Drafting;
using Jalin.Core.Identity;
using Jalin.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Jalin.Web.Components.Pages.Drafting;

/// <summary>The draft editor: clause by clause, saved as a new immutable version; the muatan
/// checklist with the leader's override; versions (view, restore) and comments per clause.</summary>
public partial class DraftPage
{
    [Inject] private IDbContextFactory<JalinDb> Dbs { get; set; } = default!;
    [Inject] private UiActor Ui { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Jalin.Core.Files.FileStore Files { get; set; } = default!;
    [Inject] private PdfConverter Pdf { get; set; } = default!;
    [Inject] private IConfiguration Config { get; set; } = default!;

    private bool _finalizing;
    private IReadOnlyList<string>? _importNotes;

    /// <summary>A Word file (the region's old draft or the partner's copy) becomes the next version.</summary>
    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null || _d is null || _actor is null) return;
        if (_dirty)
        {
            var go = await Dialogs.ShowMessageBoxAsync("Impor dari Word?",
                "Ada perubahan yang belum disimpan. Isi berkas Word menjadi versi baru dan perubahan itu tidak ikut tersimpan.", yesText: "Impor", cancelText: "Batal");
            if (go != true) return;
        }
        var max = Files.MaxBytes;
        if (file.Size > max) { _error = Jalin.Core.Files.FileStore.TooLargeText(max); return; }
        _busy = true;
        _error = null;
        _importNotes = null;
        try
        {
            using var ms = new MemoryStream();
            await using (var upload = file.OpenReadStream(max)) await upload.CopyToAsync(ms);
            ms.Position = 0;
            await using var db = await Dbs.CreateDbContextAsync();
            var r = await ImportDraft.HandleAsync(db, _actor, AgreementId, DraftId, new ImportDraftRequest { BasedOnVersion = _d.LatestVersion }, ms, file.Name, Clock);
            if (!r.Ok)
            {
                _error = r.Error!.Explain();
                return;
            }
            Show(r.Value!.Draft);
            _importNotes = r.Value.Notes;
            Snackbar.Add($"Versi {r.Value.Draft.LatestVersion} dibuat dari berkas Word ({r.Value.Clauses} pasal).", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Issue the final: the region's number, the verification code and QR, the PDF; then on to paraf and signing.</summary>
    private async Task FinalizeAsync()
    {
        if (_d is null || _actor is null) return;
        var open = _comments.Count(c => c.ReplyToId is null && !c.Resolved);
        var openWarning = open > 0 ? $" Perhatian: {open} utas komentar belum ditandai selesai; setelah terbit, komentar ditutup." : "";
        var ok = await Dialogs.ShowMessageBoxAsync("Terbitkan naskah final?",
            $"Versi {_d.LatestVersion} diberi nomor menurut pola daerah, kode verifikasi dan kode QR, lalu disimpan sebagai dokumen {_d.FormLabel}. Setelah itu rancangan tidak dapat diubah lagi.{openWarning}",
            yesText: "Terbitkan", cancelText: "Batal");
        if (ok != true) return;
        _finalizing = true;
        try
        {
            var baseUrl = Api.DraftsApi.PublicBaseUrl(Config, Nav.BaseUri);
            await using var db = await Dbs.CreateDbContextAsync();
            var r = await FinalizeDraft.HandleAsync(db, Files, Pdf, _actor, AgreementId, DraftId, new FinalizeDraftRequest { Version = _d.LatestVersion }, baseUrl, Clock);
            if (!r.Ok)
            {
                _error = r.Error!.Message;
                return;
            }
            Snackbar.Add($"Naskah final diterbitkan: nomor {r.Value!.Draft.Number}, kode verifikasi {r.Value.VerificationCode}.", Severity.Success);
            if (r.Value.Warning is { } warning) Snackbar.Add(warning, Severity.Warning);
            Nav.NavigateTo($"/app/kerja-sama/{AgreementId}/rancangan/{DraftId}/penandatanganan");
        }
        finally { _finalizing = false; }
    }

    [Parameter] public Guid AgreementId { get; set; }
    [Parameter] public Guid DraftId { get; set; }
    [SupplyParameterFromQuery(Name = "versi")] public int? Versi { get; set; }

    private CurrentActor? _actor;
    private DraftDetails? _d;
    private List<ClauseEdit> _clauses = [];
    private List<DraftCommentView> _comments = [];
    private IReadOnlyList<ClauseWordingView> _library = [];
    private string? _note;
    private string? _place;
    private bool _dirty;
    private bool _busy;
    private string? _fatal;
    private string? _error;
    private string? _saveError;
    private string? _conflict;
    private IReadOnlyDictionary<string, string[]> _fields = new Dictionary<string, string[]>();

    /// <summary>Why "Terbitkan naskah final" cannot be pressed now, in words; null when it can.</summary>
    private string? FinalizeBlocker => _d switch
    {
        null => null,
        { Ready: false } d => d.Compliance.Count(c => c.Required && !c.Met) is var n and > 0
            ? $"{n} muatan wajib belum ada (lihat daftar muatan), dan belum dikecualikan pimpinan."
            : "muatan wajib belum lengkap dan belum dikecualikan pimpinan.",
        _ when _dirty => "simpan perubahan terlebih dahulu.",
        _ => null,
    };

    private bool IsLatest => _d is not null && _d.ShownVersion == _d.LatestVersion;
    private bool ReadOnly => _d is null || !_d.CanEdit || !IsLatest;

    public static string CompareHref(DraftDetails d, int shown)
    {
        var to = shown > 1 ? shown : d.LatestVersion;
        return $"/app/kerja-sama/{d.AgreementId}/rancangan/{d.Id}/banding?dari={Math.Max(1, to - 1)}&ke={to}";
    }

    private string DownloadHref(string format) => $"/app/rancangan/{AgreementId}/{DraftId}/{format}?versi={_d!.ShownVersion}";

    protected override async Task OnParametersSetAsync() => await LoadAsync(Versi);

    private async Task LoadAsync(int? version)
    {
        _actor ??= await Ui.GetAsync();
        if (_actor is null) { _fatal = "Sesi Anda berakhir. Silakan masuk kembali."; return; }
        await using var db = await Dbs.CreateDbContextAsync();
        if (_library.Count == 0) _library = (await RegionClauses.ListAsync(db, _actor)).Value ?? [];
        var r = await DraftUseCases.GetAsync(db, _actor, AgreementId, DraftId, version);
        if (!r.Ok) { _fatal = r.Error!.Message; _d = null; return; }
        _fatal = null;
        Show(r.Value!);
    }

    private void Show(DraftDetails d)
    {
        _d = d;
        _clauses = d.Clauses.Select(ClauseEdit.From).ToList();
        _comments = d.Comments.ToList();
        _place = d.Place;
        _note = null;
        _dirty = false;
        _conflict = null;
        _saveError = null;
        _fields = new Dictionary<string, string[]>();
    }

    private IReadOnlyList<DraftCommentView> CommentsOf(ClauseEdit c) => c.Key is { } k ? _comments.Where(x => x.ClauseKey == k).ToList() : [];

    private string? Msg(string field) => _fields.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    private void Changed() => _dirty = _d is not null && (ClauseEdit.AnyChange(_clauses, _d.Clauses) || (_place ?? "") != _d.Place);

    private void Move(int index, int by)
    {
        var to = index + by;
        if (to < 0 || to >= _clauses.Count) return;
        (_clauses[index], _clauses[to]) = (_clauses[to], _clauses[index]);
        Changed();
    }

    private async Task DeleteAsync(int index)
    {
        var c = _clauses[index];
        var ok = await Dialogs.ShowMessageBoxAsync("Hapus pasal?",
            $"Pasal {index + 1} \"{(string.IsNullOrWhiteSpace(c.Heading) ? "tanpa judul" : c.Heading)}\" dihapus dari rancangan. Perubahan berlaku setelah disimpan sebagai versi baru.",
            yesText: "Hapus", cancelText: "Batal");
        if (ok != true) return;
        _clauses.Remove(c);
        Changed();
    }

    private void AddClause()
    {
        _clauses.Add(new ClauseEdit { Paragraphs = [new ParagraphEdit()] });
        Changed();
    }

    private void AddFromLibrary(ClauseWordingView w)
    {
        _clauses.Add(ClauseEdit.From(w));
        Changed();
    }

    /// <summary>Reloads only the comments, so unsaved edits in the editor stay.</summary>
    private async Task Commented(string message)
    {
        if (_actor is null || _d is null) return;
        await using var db = await Dbs.CreateDbContextAsync();
        var r = await DraftUseCases.GetAsync(db, _actor, AgreementId, DraftId, _d.ShownVersion);
        if (r.Ok) _comments = r.Value!.Comments.ToList();
        Snackbar.Add(message, Severity.Success);
    }

    private async Task SaveAsync()
    {
        if (_d is null || _actor is null) return;
        _busy = true;
        _error = null;
        _saveError = null;
        _conflict = null;
        _fields = new Dictionary<string, string[]>();
        try
        {
            var request = new SaveDraftRequest
            {
                BasedOnVersion = _d.LatestVersion, Note = _note, Place = _place, Clauses = _clauses.Select(c => c.ToInput()).ToList(),
            };
            await using var db = await Dbs.CreateDbContextAsync();
            var r = await DraftUseCases.SaveAsync(db, _actor, AgreementId, DraftId, request, Clock);
            if (r.Ok)
            {
                Show(r.Value!);
                Snackbar.Add($"Versi {r.Value!.LatestVersion} disimpan.", Severity.Success);
                return;
            }
            switch (r.Error)
            {
                case ConflictError c: _conflict = c.Message; break;
                case ValidationError v:
                    var clauses = v.Fields.Keys.Select(k => System.Text.RegularExpressions.Regex.Match(k, @"^clauses\[(\d+)\]")).Where(m => m.Success)
                        .Select(m => int.Parse(m.Groups[1].Value) + 1).Distinct().Order().ToList();
                    _saveError = v.Message + (clauses.Count > 0 ? $" Periksa pesan pada pasal {string.Join(", ", clauses)}." : " " + string.Join(" ", v.Fields.Values.SelectMany(x => x)));
                    _fields = v.Fields;
                    break;
                default: _saveError = r.Error!.Message; break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DiscardAsync()
    {
        var ok = await Dialogs.ShowMessageBoxAsync("Batalkan perubahan?", "Perubahan yang belum disimpan akan hilang.", yesText: "Batalkan perubahan", cancelText: "Kembali");
        if (ok == true && _d is not null) Show(_d);
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!_dirty) return;
        var ok = await Dialogs.ShowMessageBoxAsync("Tinggalkan halaman?", "Ada perubahan yang belum disimpan sebagai versi baru. Perubahan itu akan hilang.",
            yesText: "Tinggalkan", cancelText: "Tetap di sini");
        if (ok == true) _dirty = false;
        else context.PreventNavigation();
    }

    private async Task ReloadLatestAsync()
    {
        _dirty = false;
        if (Versi is not null) { Nav.NavigateTo($"/app/kerja-sama/{AgreementId}/rancangan/{DraftId}"); return; }
        await LoadAsync(null);
    }

    private async Task RestoreAsync(int version)
    {
        if (_actor is null) return;
        var ok = await Dialogs.ShowMessageBoxAsync($"Pulihkan versi {version}?",
            $"Isi versi {version} disimpan sebagai versi baru ({_d!.LatestVersion + 1}). Versi lain tetap tersimpan.", yesText: "Pulihkan", cancelText: "Batal");
        if (ok != true) return;
        await using var db = await Dbs.CreateDbContextAsync();
        var r = await DraftUseCases.RestoreAsync(db, _actor, AgreementId, DraftId, new RestoreDraftRequest { Version = version }, Clock);
        if (!r.Ok) { _error = r.Error!.Message; return; }
        Snackbar.Add($"Versi {version} dipulihkan sebagai versi {r.Value!.LatestVersion}.", Severity.Success);
        if (Versi is not null) Nav.NavigateTo($"/app/kerja-sama/{AgreementId}/rancangan/{DraftId}");
        else Show(r.Value!);
    }

    private async Task OverrideAsync()
    {
        if (_d is null) return;
        var parameters = new DialogParameters<OverrideDialog>
        {
            { x => x.AgreementId, AgreementId }, { x => x.DraftId, DraftId }, { x => x.Version, _d.LatestVersion },
        };
        var dialog = await Dialogs.ShowAsync<OverrideDialog>("Kecualikan muatan wajib", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: DraftDetails d })
        {
            var edits = _dirty ? _clauses : null;
            Show(d);
            Snackbar.Add("Pengecualian dicatat.", Severity.Success);
            if (edits is not null) { _clauses = edits; Changed(); }
        }
    }
}

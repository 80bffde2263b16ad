using System.Globalization;
using Jalin.Core.Common;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Jalin.Web.Infrastructure;

/// <summary>MudBlazor's built-in labels (pager, clear, open, close, menu, date picker) in
/// Indonesian. MudBlazor asks this localizer first and falls back to its English text for a key
/// not listed here.</summary>
public sealed class IndonesianMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["Converter_InvalidNumber"] = "Tulis angka saja, misalnya 30.",
        ["Converter_InvalidDateTime"] = "Tulis tanggal sebagai 30/11/2026, 30-11-2026 atau 30 November 2026.",
        ["Converter_ConversionError"] = "Isian ini tidak dapat dibaca.",
        ["Converter_ConversionFailed"] = "Isian ini tidak dapat dibaca.",
        ["Converter_UnableToConvert"] = "Isian ini tidak dapat dibaca.",
        ["MudAlert_Close"] = "Tutup",
        ["MudBaseDatePicker_NextMonth"] = "Bulan berikutnya",
        ["MudBaseDatePicker_NextYear"] = "Tahun berikutnya",
        ["MudBaseDatePicker_Open"] = "Buka kalender",
        ["MudBaseDatePicker_PrevMonth"] = "Bulan sebelumnya",
        ["MudBaseDatePicker_PrevYear"] = "Tahun sebelumnya",
        ["MudBreadcrumbs_Label"] = "Jejak halaman",
        ["MudCarousel_Index"] = "Indeks {0}",
        ["MudCarousel_Next"] = "Berikutnya",
        ["MudCarousel_Previous"] = "Sebelumnya",
        ["MudChip_Close"] = "Hapus",
        ["MudColorPicker_Close"] = "Tutup",
        ["MudColorPicker_Open"] = "Buka pemilih warna",
        ["MudDataGridPager_AllItems"] = "Semua",
        ["MudDataGridPager_FirstPage"] = "Halaman pertama",
        ["MudDataGridPager_InfoFormat"] = "{first_item}–{last_item} dari {all_items}",
        ["MudDataGridPager_LastPage"] = "Halaman terakhir",
        ["MudDataGridPager_NextPage"] = "Halaman berikutnya",
        ["MudDataGridPager_PreviousPage"] = "Halaman sebelumnya",
        ["MudDataGridPager_RowsPerPage"] = "Baris per halaman:",
        ["MudDataGrid_Apply"] = "Terapkan",
        ["MudDataGrid_Cancel"] = "Batal",
        ["MudDataGrid_Clear"] = "Hapus",
        ["MudDataGrid_Loading"] = "Memuat…",
        ["MudDataGrid_Save"] = "Simpan",
        ["MudDataGrid_Sort"] = "Urutkan",
        ["MudDataGrid_Filter"] = "Saring",
        ["MudDateRangePicker_End"] = "Tanggal akhir",
        ["MudDateRangePicker_Start"] = "Tanggal awal",
        ["MudDialog_Close"] = "Tutup dialog",
        ["MudExitPrompt_Cancel"] = "Batal",
        ["MudExitPrompt_Exit"] = "Keluar",
        ["MudExitPrompt_Text"] = "Perubahan yang belum disimpan akan hilang.",
        ["MudExitPrompt_Title"] = "Tinggalkan halaman?",
        ["MudFileUpload_Button"] = "Pilih berkas",
        ["MudFileUpload_DragAndDrop"] = "Seret dan lepaskan berkas di sini",
        ["MudFormComponent_Required"] = "Wajib diisi",
        ["MudInput_Clear"] = "Kosongkan",
        ["MudInput_Decrement"] = "Kurangi",
        ["MudInput_Increment"] = "Tambah",
        ["MudNavGroup_ToggleExpand"] = "Buka atau tutup {0}",
        ["MudPageContentNavigation_NavMenu"] = "Menu navigasi",
        ["MudPagination_CurrentPage"] = "Halaman {0}, halaman saat ini",
        ["MudPagination_FirstPage"] = "Halaman pertama",
        ["MudPagination_LastPage"] = "Halaman terakhir",
        ["MudPagination_NextPage"] = "Halaman berikutnya",
        ["MudPagination_PageIndex"] = "Halaman {0}",
        ["MudPagination_PreviousPage"] = "Halaman sebelumnya",
        ["MudSelect_SelectAll"] = "Pilih semua",
        ["MudSnackbar_Close"] = "Tutup",
        ["MudStepper_Complete"] = "Selesai",
        ["MudStepper_Next"] = "Berikutnya",
        ["MudStepper_Previous"] = "Sebelumnya",
        ["MudStepper_Reset"] = "Ulangi",
        ["MudStepper_Skip"] = "Lewati",
        ["MudTablePager_FirstPage"] = "Halaman pertama",
        ["MudTablePager_LastPage"] = "Halaman terakhir",
        ["MudTablePager_NextPage"] = "Halaman berikutnya",
        ["MudTablePager_PreviousPage"] = "Halaman sebelumnya",
        ["MudTable_CancelEditRow"] = "Batalkan ubahan baris",
        ["MudTable_CommitRow"] = "Simpan baris",
        ["MudTable_EditRow"] = "Ubah baris",
        ["MudTable_Loading"] = "Memuat…",
        ["MudTable_SelectAllRows"] = "Pilih semua baris",
        ["MudTable_SelectRow"] = "Pilih baris",
        ["MudTabs_AddTab"] = "Tambah tab",
        ["MudTabs_CloseTab"] = "Tutup tab",
        ["MudTabs_ScrollLeft"] = "Geser ke kiri",
        ["MudTabs_ScrollRight"] = "Geser ke kanan",
        ["MudTimePicker_Open"] = "Buka pemilih waktu",
        ["MudTreeView_CollapseItem"] = "Tutup",
        ["MudTreeView_ExpandItem"] = "Buka",
    };

    /// <summary>Keys this localizer answers (for the tests).</summary>
    public static IReadOnlyCollection<string> Keys => Texts.Keys;

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var s) ? new LocalizedString(key, s) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] =>
        Texts.TryGetValue(key, out var s) ? new LocalizedString(key, string.Format(IndonesianFormat.Culture, s, arguments)) : new LocalizedString(key, key, resourceNotFound: true);
}

public static class IndonesianLocalizationExtensions
{
    /// <summary>id-ID for the back office: MudBlazor's labels and the culture of every page request
    /// and Blazor circuit (day and month names in the date picker, number formats).</summary>
    public static IServiceCollection AddIndonesianUi(this IServiceCollection services)
    {
        services.AddTransient<MudLocalizer, IndonesianMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var id = new RequestCulture(IndonesianFormat.Culture, IndonesianFormat.Culture);
            o.DefaultRequestCulture = id;
            o.SupportedCultures = [IndonesianFormat.Culture];
            o.SupportedUICultures = [IndonesianFormat.Culture];
            o.RequestCultureProviders.Clear();
        });
        return services;
    }

    /// <summary>Pages and the Blazor circuit run in id-ID; the JSON API keeps the invariant culture.</summary>
    public static IApplicationBuilder UseIndonesianUi(this IApplicationBuilder app) =>
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), b => b.UseRequestLocalization());
}

using Jalin.Core.Drafting;

namespace Jalin.Core.Tests.Drafting;

public class VersionCompareTests
{
    [Fact]
    public void A_changed_amount_is_one_deletion_and_one_insertion()
    {
        var older = "Biaya jasa pengolahan sampah sebesar Rp100.000,00 per ton dibayar setiap bulan.";
        var newer = "Biaya jasa pengolahan sampah sebesar Rp125.000,00 per ton dibayar setiap triwulan.";
        var segments = VersionCompare.Words(older, newer);
        Assert.Equal(older, VersionCompare.Older(segments));
        Assert.Equal(newer, VersionCompare.Newer(segments));
        var deleted = string.Concat(segments.Where(s => s.Kind == ChangeKind.Deleted).Select(s => s.Text));
        var inserted = string.Concat(segments.Where(s => s.Kind == ChangeKind.Inserted).Select(s => s.Text));
        Assert.Contains("100", deleted);
        Assert.Contains("bulan", deleted);
        Assert.Contains("125", inserted);
        Assert.Contains("triwulan", inserted);
        Assert.DoesNotContain("pengolahan", deleted + inserted);
    }

    [Fact]
    public void An_inserted_sentence_is_only_an_insertion()
    {
        var older = "PARA PIHAK menyelesaikan perselisihan secara musyawarah.";
        var newer = "PARA PIHAK menyelesaikan perselisihan secara musyawarah. Bila tidak tercapai, melalui Pengadilan Negeri Bandung.";
        var segments = VersionCompare.Words(older, newer);
        Assert.DoesNotContain(segments, s => s.Kind == ChangeKind.Deleted);
        Assert.Contains(segments, s => s.Kind == ChangeKind.Inserted && s.Text.Contains("Pengadilan Negeri Bandung", StringComparison.Ordinal));
        Assert.Equal(newer, VersionCompare.Newer(segments));
    }

    [Fact]
    public void Identical_versions_are_one_same_segment()
    {
        var text = "Jangka waktu Perjanjian ini 5 (lima) tahun.";
        var segments = VersionCompare.Words(text, text);
        Assert.Single(segments);
        Assert.Equal(ChangeKind.Same, segments[0].Kind);
    }

    [Fact]
    public void A_deleted_ayat_is_only_a_deletion()
    {
        var older = "(1) Hak PIHAK KESATU. (2) Kewajiban PIHAK KESATU. (3) Sanksi.";
        var newer = "(1) Hak PIHAK KESATU. (3) Sanksi.";
        var segments = VersionCompare.Words(older, newer);
        Assert.DoesNotContain(segments, s => s.Kind == ChangeKind.Inserted);
        Assert.Contains("Kewajiban", string.Concat(segments.Where(s => s.Kind == ChangeKind.Deleted).Select(s => s.Text)));
        Assert.Equal(older, VersionCompare.Older(segments));
        Assert.Equal(newer, VersionCompare.Newer(segments));
    }
}

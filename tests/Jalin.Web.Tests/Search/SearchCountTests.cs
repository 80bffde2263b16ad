using Jalin.Core.Common;
using Jalin.Web.Components.Pages.Search;

namespace Jalin.Web.Tests.Search;

public class SearchCountTests
{
    [Fact]
    public void The_count_is_written_the_Indonesian_way_and_says_when_the_search_stopped_at_the_first_matches()
    {
        Assert.Equal("0 hasil", SearchCount.Text(new Page<int>([], 1, 20, 0)));
        Assert.Equal("1.000 hasil", SearchCount.Text(new Page<int>([], 1, 20, 1000)));
        var capped = SearchCount.Text(new Page<int>([], 1, 20, 37) { TotalIsAtLeast = true });
        Assert.StartsWith("37 hasil di antara 1.000 kecocokan pertama", capped);
        Assert.Contains("Tambahkan kata", capped);
    }
}

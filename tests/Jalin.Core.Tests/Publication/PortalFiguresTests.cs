using Jalin.Core.Publication;

namespace Jalin.Core.Tests.Publication;

/// <summary>The portal's aggregate cache: a figure is computed once and kept until a publication change evicts it;
/// a computation that raced with an eviction is not kept; the uncached instance computes every time.</summary>
public sealed class PortalFiguresTests
{
    [Fact]
    public async Task A_figure_is_kept_until_evicted()
    {
        using var figures = new PortalFigures();
        var computed = 0;
        Task<int> Compute() => Task.FromResult(++computed);
        Assert.Equal(1, await figures.GetAsync("count", Compute));
        Assert.Equal(1, await figures.GetAsync("count", Compute));
        Assert.Equal(2, await figures.GetAsync("other", Compute));
        figures.Evict();
        Assert.Equal(3, await figures.GetAsync("count", Compute));
        Assert.Equal(3, await figures.GetAsync("count", Compute));
    }

    [Fact]
    public async Task A_figure_computed_while_a_publication_changed_is_not_kept()
    {
        using var figures = new PortalFigures();
        var computed = 0;
        var first = await figures.GetAsync("count", async () =>
        {
            figures.Evict(); // published while the old total was being counted
            await Task.Yield();
            return ++computed;
        });
        Assert.Equal(1, first);
        Assert.Equal(2, await figures.GetAsync("count", () => Task.FromResult(++computed)));
    }

    [Fact]
    public async Task The_uncached_instance_computes_every_time()
    {
        var computed = 0;
        Assert.Equal(1, await PortalFigures.None.GetAsync("count", () => Task.FromResult(++computed)));
        Assert.Equal(2, await PortalFigures.None.GetAsync("count", () => Task.FromResult(++computed)));
    }
}

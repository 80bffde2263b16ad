using Jalin.Core.Lifecycle;

namespace Jalin.Web.Tests.Docs;

/// <summary>docs/lifecycle.md is generated from the lifecycle table; it must not drift.</summary>
public class LifecycleDocsTests
{
    [Fact]
    public void Docs_lifecycle_md_matches_the_table()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jalin.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.Combine(dir!.FullName, "docs", "lifecycle.md");
        Assert.True(File.Exists(path), "docs/lifecycle.md is missing: run `dotnet run --project src/Jalin.Cli -- lifecycle docs`");
        var expected = LifecycleDescription.Markdown().ReplaceLineEndings("\n");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(expected == actual, "docs/lifecycle.md is out of date: run `dotnet run --project src/Jalin.Cli -- lifecycle docs`");
    }
}

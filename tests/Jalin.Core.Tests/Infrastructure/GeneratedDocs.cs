namespace Jalin.Core.Tests.Infrastructure;

/// <summary>Files under docs/ that a CLI command writes from a table: they must not drift.</summary>
public static class GeneratedDocs
{
    public static void AssertUpToDate(string relativePath, string expected, string command)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jalin.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.Combine(dir!.FullName, relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing: run `{command}`");
        Assert.True(expected.ReplaceLineEndings("\n") == File.ReadAllText(path).ReplaceLineEndings("\n"), $"{relativePath} is out of date: run `{command}`");
    }
}

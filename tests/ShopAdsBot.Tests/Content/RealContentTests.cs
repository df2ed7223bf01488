using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Content;

/// <summary>The repository's real dialogs/, cards/ and seeds/: whole, and with an up-to-date dialogs/README.md.</summary>
public class RealContentTests
{
    private static readonly string Root = TestContent.RepoRoot;

    [Fact]
    public void TheRealContentHasNoProblem()
    {
        var problems = ContentValidator.Validate(ContentCatalog.Read(Root));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheDialogsReadmeIsUpToDate()
    {
        var expected = FlowDiagram.RenderReadme(ContentCatalog.Load(Root));
        var actual = File.ReadAllText(Path.Combine(Root, "dialogs", "README.md"));
        Assert.True(expected == actual, $"dialogs/README.md is out of date: run `{FlowDiagram.Command}`");
    }

    [Fact]
    public void TheAppFindsTheContentItShips()
    {
        // The test output holds the host's copy of dialogs/, cards/ and seeds/ (ShopAdsBot.csproj Content items).
        var root = ContentCatalog.LocateRoot();
        Assert.Equal(Path.GetFullPath(AppContext.BaseDirectory).TrimEnd('/'), Path.GetFullPath(root).TrimEnd('/'));
        Assert.Equal(11, ContentCatalog.Load(root).Flows.Count);
    }

    [Fact]
    public void ToolsFindTheRepositoryNotTheOutputCopy() =>
        Assert.Equal(Path.GetFullPath(Root).TrimEnd('/'), Path.GetFullPath(ContentCatalog.LocateSourceRoot()).TrimEnd('/'));
}

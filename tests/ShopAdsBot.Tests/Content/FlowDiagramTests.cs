using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Content;

public sealed class FlowDiagramTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    [Fact]
    public void ABranchBecomesAMermaidFlowchart()
    {
        var chart = FlowDiagram.Render(content.Load().Flow("create-ad"));
        Assert.Equal(
            """
            flowchart TD
                menu(["Menu : Titre create-ad"]) --> n_ask
                n_ask{"Quelle #171; option #187; ?"}
                n_fix_a["Réponse A"]
                n_fix_b["Réponse B"]
                n_ask -->|"Choix A"| n_fix_a
                n_ask -->|"Choix B"| n_fix_b
                n_fix_a -.->|"#171; Non #187;"| n_fix_b
                n_fix_b -.->|"#171; Non #187;"| support
                support(["Contacter le support #40;support-contact#41;"])

            """.Replace("\r\n", "\n"), chart);
    }

    [Fact]
    public void TheSupportBranchEndsInsteadOfEscalatingToItself()
    {
        var chart = FlowDiagram.Render(content.Load().Flow("support-contact"));
        Assert.Contains("support([\"Fin : le bot ne peut pas aller plus loin, contactez le support\"])", chart);
        Assert.DoesNotContain("Contacter le support", chart);
    }

    [Theory]
    [InlineData("Cliquez sur « Annonces »", "Cliquez sur #171; Annonces #187;")]
    [InlineData("Le \"Centre\" [beta] (v2) {x} a|b <c> #1", "Le #quot;Centre#quot; #91;beta#93; #40;v2#41; #123;x#125; a#124;b #lt;c#gt; #35;1")]
    [InlineData("**Gras**\nligne", "Gras ligne")]
    public void LabelsEscapeMermaidSpecialCharacters(string text, string expected) =>
        Assert.Equal(expected, FlowDiagram.Label(text));

    [Fact]
    public void TheReadmeHasAHeaderAndOneDiagramPerBranchInMenuOrder()
    {
        var readme = FlowDiagram.RenderReadme(content.Load());
        Assert.StartsWith("# Dialogs", readme);
        Assert.Contains("`dotnet run --project src/ShopAdsBot -- diagrams`", readme);
        Assert.Contains("do not edit by hand", readme);
        Assert.Equal(11, readme.Split("```mermaid\n").Length - 1);
        var positions = TestContent.Groups.SelectMany(g => g.Value).Select(id => readme.IndexOf($"(`{id}`)", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("\n## Groupe access\n", readme);
        Assert.DoesNotContain("\r", readme);
    }

    [Fact]
    public void WriteReadmeWritesTheRenderedReadme()
    {
        FlowDiagram.WriteReadme(content.Root);
        Assert.Equal(FlowDiagram.RenderReadme(content.Load()), File.ReadAllText(Path.Combine(content.Root, "dialogs", "README.md")));
    }
}

using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Content;

public class ContentModelTests
{
    [Theory]
    [InlineData("fr", "Bonjour")]
    [InlineData("en", "Hello")]
    [InlineData("en-GB", "Hello")]
    [InlineData("EN", "Hello")]
    [InlineData("fr-CA", "Bonjour")]
    [InlineData("de", "Bonjour")]
    [InlineData(null, "Bonjour")]
    public void LocalizedTextPicksTheLanguageWithFrenchAsFallback(string? lang, string expected) =>
        Assert.Equal(expected, new LocalizedText { Fr = "Bonjour", En = "Hello" }.Get(lang));

    [Fact]
    public void MissingEnglishFallsBackToFrench() =>
        Assert.Equal("Bonjour", new LocalizedText { Fr = "Bonjour" }.Get("en"));

    [Fact]
    public void MenuTextFillsPlaceholders()
    {
        var menu = new MenuDefinition
        {
            Strings = new() { ["routedTo"] = new LocalizedText { Fr = "Je vous guide pour : {title}. Tapez « {cmd} ».", En = "Guiding you: {title}." } },
        };
        Assert.Equal("Je vous guide pour : Créer une annonce. Tapez « menu ».", menu.Text("routedTo", "fr", ("title", "Créer une annonce"), ("cmd", "menu")));
        Assert.Equal("Guiding you: Create an ad.", menu.Text("routedTo", "en", ("title", "Create an ad")));
        Assert.Equal(new HashSet<string> { "title", "cmd" }, MenuDefinition.Placeholders(menu.Strings["routedTo"].Fr));
        var error = Assert.Throws<ContentException>(() => menu.Text("nope", "fr"));
        Assert.Equal("dialogs/main-menu.json: string 'nope' does not exist", error.Message);
    }

    [Fact]
    public void HelpSectionGivesTitleAndUrlPerLanguage()
    {
        var section = new HelpSection { Id = "s", TitleFr = "Aide", TitleEn = "Help", UrlFr = "https://x.test/?lang=fr", UrlEn = "https://x.test/?lang=en" };
        Assert.Equal(("Aide", "https://x.test/?lang=fr"), (section.Title("fr"), section.Url("fr")));
        Assert.Equal(("Help", "https://x.test/?lang=en"), (section.Title("en-US"), section.Url("en-US")));
        var catalog = new HelpCatalog([section]);
        Assert.Same(section, catalog["s"]);
        Assert.Equal("seeds/help-sections.json: section 'x' does not exist", Assert.Throws<ContentException>(() => catalog["x"]).Message);
    }
}

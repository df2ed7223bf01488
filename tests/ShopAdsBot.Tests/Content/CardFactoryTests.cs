using Newtonsoft.Json.Linq;
using ShopAdsBot.Cards;
using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Content;

public sealed class CardFactoryTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly ContentCatalog catalog;
    private readonly CardFactory cards;

    public CardFactoryTests()
    {
        catalog = content.Load();
        cards = new CardFactory(catalog);
    }

    public void Dispose() => content.Dispose();

    private static JObject Card(Microsoft.Bot.Schema.Attachment attachment)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = Assert.IsType<JObject>(attachment.Content);
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("Full", (string?)card["msteams"]?["width"]);
        Assert.DoesNotContain("${", card.ToString());
        return card;
    }

    private static List<JObject> Actions(JObject card, string type) =>
        card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == type).ToList();

    private static List<string> Texts(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!).ToList();

    private static JObject Stamp(string flow, string node, string choice, string displayText) => JObject.Parse($$"""
        { "flow": "{{flow}}", "node": "{{node}}", "choice": "{{choice}}",
          "msteams": { "type": "messageBack", "displayText": "{{displayText}}", "value": { "flow": "{{flow}}", "node": "{{node}}", "choice": "{{choice}}" } } }
        """);

    private static readonly JObject MenuCommand = JObject.Parse("""
        { "command": "menu", "msteams": { "type": "messageBack", "displayText": "Menu", "value": { "command": "menu" } } }
        """);

    private static void AssertJson(JToken expected, JToken? actual) =>
        Assert.True(JToken.DeepEquals(expected, actual), $"expected {expected}\nactual {actual}");

    [Fact]
    public void QuestionHasOneStampedButtonPerChoiceAndBackToMenu()
    {
        var flow = catalog.Flow("ads-tab-missing");
        var card = Card(cards.Question(flow, flow.Node("ask"), "fr"));

        var submits = Actions(card, "Action.Submit");
        Assert.Equal(["Choix A", "Choix B", "FR backToMenu"], submits.Select(a => (string)a["title"]!));
        AssertJson(Stamp("ads-tab-missing", "ask", "a", "Choix A"), submits[0]["data"]);
        AssertJson(Stamp("ads-tab-missing", "ask", "b", "Choix B"), submits[1]["data"]);
        AssertJson(MenuCommand, submits[2]["data"]);
        Assert.Equal(["Titre ads-tab-missing", "Contexte", "Quelle « option » ?"], Texts(card));
        Assert.Equal("Titre ads-tab-missing\n\nContexte\n\nQuelle « option » ?\n\n1. Choix A\n2. Choix B", (string?)card["fallbackText"]);
    }

    [Fact]
    public void QuestionWithoutContextDropsTheContextLine()
    {
        content.EditNode("create-ad", "ask", n => n.Remove("context"));
        var reloaded = content.Load();
        var flow = reloaded.Flow("create-ad");
        var card = Card(new CardFactory(reloaded).Question(flow, flow.Node("ask"), "en"));
        Assert.Equal(["Title create-ad", "Which option?"], Texts(card));
    }

    [Fact]
    public void AnswerInFrenchHasNumberedStepsFrenchHelpLinksAndResolvedQuestion()
    {
        var flow = catalog.Flow("connect-shop");
        var card = Card(cards.Answer(flow, flow.Node("fix-b"), "fr"));

        Assert.Equal(["Titre connect-shop", "Réponse B", "Introduction B", "**1**", "Étape unique", "Remarque B", "Cela a-t-il résolu votre problème ?"], Texts(card));
        var links = Actions(card, "Action.OpenUrl");
        Assert.Equal(["Section un", "Section deux"], links.Select(a => (string)a["title"]!));
        Assert.Equal(["https://example.com/one?lang=fr", "https://example.com/two?lang=fr"], links.Select(a => (string)a["url"]!));

        var submits = Actions(card, "Action.Submit");
        Assert.Equal(["Oui", "Non", "FR backToMenu"], submits.Select(a => (string)a["title"]!));
        AssertJson(Stamp("connect-shop", "fix-b", "yes", "Oui"), submits[0]["data"]);
        AssertJson(Stamp("connect-shop", "fix-b", "no", "Non"), submits[1]["data"]);
        AssertJson(MenuCommand, submits[2]["data"]);
    }

    [Fact]
    public void AnswerInEnglishUsesEnglishTitlesAndUrls()
    {
        var flow = catalog.Flow("connect-shop");
        var card = Card(cards.Answer(flow, flow.Node("fix-b"), "en-US"));
        var links = Actions(card, "Action.OpenUrl");
        Assert.Equal(["Section one", "Section two"], links.Select(a => (string)a["title"]!));
        Assert.Equal(["https://example.com/one?lang=en", "https://example.com/two"], links.Select(a => (string)a["url"]!));
        Assert.Contains("Did this solve your problem?", Texts(card));
    }

    [Fact]
    public void AnswerWithoutIntroOrNoteNumbersEveryStep()
    {
        var flow = catalog.Flow("connect-shop");
        var card = Card(cards.Answer(flow, flow.Node("fix-a"), "fr"));
        // A step number is bold markdown, never "2." alone: markdown renderers read that as a list restarting at 1.
        Assert.Equal(["Titre connect-shop", "Réponse A", "**1**", "Ouvrez le **Centre des vendeurs**.", "**2**", "Cliquez sur « Annonces ».", "Cela a-t-il résolu votre problème ?"], Texts(card));
        Assert.Equal(
            "Réponse A\n\n1. Ouvrez le Centre des vendeurs.\n2. Cliquez sur « Annonces ».\n\nOuvrir l'aide : Section trois (https://example.com/three?lang=fr)\n\nCela a-t-il résolu votre problème ? (Oui / Non)",
            (string?)card["fallbackText"]);
    }

    [Fact]
    public void MenuListsThe11BranchesUnderTheirGroupHeadings()
    {
        var card = Card(cards.Menu("fr"));
        var submits = Actions(card, "Action.Submit");
        var expectedOrder = TestContent.Groups.SelectMany(g => g.Value).ToList();
        Assert.Equal(expectedOrder, submits.Select(a => (string)a["data"]!["choice"]!));
        AssertJson(Stamp("menu", "menu", "bc-access-required", "Titre bc-access-required"), submits.Single(a => (string?)a["data"]!["choice"] == "bc-access-required")["data"]);
        Assert.Equal("Résumé bc-access-required", (string?)submits.Single(a => (string?)a["data"]!["choice"] == "bc-access-required")["tooltip"]);
        Assert.Equal(["FR menuTitle", "FR menuPrompt", "Groupe setup", "Groupe access", "Groupe performance", "Groupe help"], Texts(card));
        Assert.All(card.Descendants().OfType<JProperty>().Where(p => p.Name == "actions"), p => Assert.InRange(((JArray)p.Value).Count, 0, 6));
        Assert.StartsWith("FR menuTitle\n\nFR fallbackMenu\n\nGroupe setup\n1. Titre connect-shop\n2. Titre create-ad\n3. Titre shop-not-ready\nGroupe access\n4. Titre ads-tab-missing", (string?)card["fallbackText"]);
    }

    [Fact]
    public void WelcomeOpensEachGroupOnItsTopics()
    {
        var card = Card(cards.Welcome("en"));
        var groups = Actions(card, "Action.ShowCard");
        Assert.Equal(["Group setup", "Group access", "Group performance", "Group help"], groups.Select(a => (string)a["title"]!));
        var access = Actions((JObject)groups[1]["card"]!, "Action.Submit");
        Assert.Equal(["Title ads-tab-missing", "Title bc-admin-permission", "Title bc-access-required", "Title ads-manager-not-connected", "Title account-management"],
            access.Select(a => (string)a["title"]!));
        AssertJson(Stamp("menu", "menu", "ads-tab-missing", "Title ads-tab-missing"), access[0]["data"]);
        Assert.Equal(["EN welcomeTitle", "EN welcomeIntro", "EN welcomeTopicsHeading"], Texts(card));
        Assert.Contains("11. Title support-contact", (string?)card["fallbackText"]);
    }

    [Fact]
    public void SuggestionsOfferAtMostThreeBranchesAndNoneOfThese()
    {
        var card = Card(cards.Suggestions(["ad-rejected", "underperforming", "create-ad", "connect-shop"], "fr"));
        var submits = Actions(card, "Action.Submit");
        Assert.Equal(["Titre ad-rejected", "Titre underperforming", "Titre create-ad", "FR noneOfThese"], submits.Select(a => (string)a["title"]!));
        AssertJson(Stamp("menu", "menu", "underperforming", "Titre underperforming"), submits[1]["data"]);
        AssertJson(MenuCommand, submits[3]["data"]);
        Assert.Equal(["FR didYouMeanTitle", "Résumé ad-rejected", "Résumé underperforming", "Résumé create-ad"], Texts(card));
    }

    [Fact]
    public void NoticeHasTheTextAndOptionallyTheMenuButton()
    {
        var with = Card(cards.Notice("Je n'ai pas compris.", "fr", withMenuButton: true));
        Assert.Equal(["Je n'ai pas compris."], Texts(with));
        Assert.Equal("Je n'ai pas compris.", (string?)with["fallbackText"]);
        AssertJson(MenuCommand, Assert.Single(Actions(with, "Action.Submit"))["data"]);

        var without = Card(cards.Notice("C'est noté.", "en", withMenuButton: false));
        Assert.Empty(Actions(without, "Action.Submit"));
    }

    [Fact]
    public void EveryCardOfTheFixturePassesTheCardChecks()
    {
        var rendered = new List<JObject> { Card(cards.Welcome("fr")), Card(cards.Menu("en")), Card(cards.Suggestions(["create-ad"], "en")), Card(cards.Notice("x", "fr", true)) };
        foreach (var flow in catalog.Flows.Values)
            foreach (var node in flow.Nodes)
                rendered.Add(Card(cards.Node(flow, node, "en")));
        Assert.All(rendered, card => Assert.Empty(CardRules.Check(card)));
    }
}

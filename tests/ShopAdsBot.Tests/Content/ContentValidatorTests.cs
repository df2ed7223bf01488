using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using static ShopAdsBot.Tests.Content.TestContent;

namespace ShopAdsBot.Tests.Content;

/// <summary>Each rule of the content validator (docs/content.md), broken once in a valid content set: the loader must name the file, the node and the problem.</summary>
public sealed class ContentValidatorTests : IDisposable
{
    private readonly TestContent content = new();

    public void Dispose() => content.Dispose();

    private void AssertProblem(string expected)
    {
        var error = Assert.Throws<ContentException>(() => content.Load());
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void TheValidFixtureLoadsWithEverything()
    {
        var catalog = content.Load();
        Assert.Equal(11, catalog.Flows.Count);
        Assert.Equal(["setup", "access", "performance", "help"], catalog.Menu.Groups.Select(g => g.Id));
        var ask = catalog.Flow("ads-tab-missing").StartNode;
        Assert.True(ask.IsQuestion);
        Assert.Equal(["premier"], ask.Choices[0].SynonymsFor("fr"));
        Assert.Equal(["first"], ask.Choices[0].SynonymsFor("en-US"));
        Assert.Empty(ask.Choices[1].SynonymsFor("en"));
        Assert.Equal("fix-b", catalog.Flow("ads-tab-missing").Node("fix-a").Next);
        Assert.Equal("https://example.com/two", catalog.Help["sec-two"].Url("en"));
        Assert.Equal(ContentCatalog.TemplateNames.Order(), catalog.CardTemplates.Keys.Order());
    }

    // Structure and JSON

    [Fact]
    public void InvalidJsonNamesTheFile()
    {
        content.WriteText("dialogs/create-ad.json", "{ \"id\": \"create-ad\", ");
        AssertProblem("dialogs/create-ad.json: invalid JSON");
    }

    [Fact]
    public void AnUnknownPropertyIsATypoAndNamesFileAndPath()
    {
        content.EditNode("create-ad", "fix-a", n => n["tilte"] = Text("x", "y"));
        AssertProblem("dialogs/create-ad.json: Could not find member 'tilte'");
        AssertProblem("nodes[1].tilte");
    }

    [Fact]
    public void AMissingMenuFileIsNamed()
    {
        content.Delete("dialogs/main-menu.json");
        AssertProblem("dialogs/main-menu.json: file not found");
    }

    [Fact]
    public void AMenuBranchWithoutItsFlowFileIsNamed()
    {
        content.Delete("dialogs/underperforming.json");
        AssertProblem("dialogs/main-menu.json: group 'performance': branch 'underperforming' has no flow file dialogs/underperforming.json");
    }

    [Fact]
    public void AFlowFileTheMenuDoesNotListIsNamed()
    {
        content.WriteText("dialogs/other.json", File.ReadAllText(Path.Combine(content.Root, "dialogs/create-ad.json")).Replace("\"create-ad\"", "\"other\""));
        AssertProblem("dialogs/main-menu.json: branch 'other' (dialogs/other.json) is in no group: list it in one group's \"branches\" (its flow says \"group\": \"setup\")");
    }

    [Fact]
    public void TheFlowIdMustBeTheFileName()
    {
        content.EditFlow("create-ad", f => f["id"] = "connect-shop");
        AssertProblem("dialogs/connect-shop.json: id 'connect-shop' must equal the file name 'create-ad'");
    }

    // Graph: reachability, dead ends, cycles

    [Fact]
    public void AChoiceLeadingNowhereIsADeadEnd()
    {
        content.EditNode("ads-tab-missing", "ask", n => n["choices"]![1]!["next"] = "foo");
        AssertProblem("dialogs/ads-tab-missing.json: node 'ask': choice 'b': next 'foo' does not exist");
    }

    [Fact]
    public void AnAnswerNextMustExist()
    {
        content.EditNode("ads-tab-missing", "fix-a", n => n["next"] = "foo");
        AssertProblem("dialogs/ads-tab-missing.json: node 'fix-a': next 'foo' does not exist");
    }

    [Fact]
    public void TheStartMustExist()
    {
        content.EditFlow("create-ad", f => f["start"] = "nowhere");
        AssertProblem("dialogs/create-ad.json: start 'nowhere' does not exist");
    }

    [Fact]
    public void EveryNodeMustBeReachableFromStart()
    {
        content.EditNode("create-ad", "ask", n => n["choices"]![1]!["next"] = "fix-a");
        content.EditNode("create-ad", "fix-a", n => n.Remove("next"));
        AssertProblem("dialogs/create-ad.json: node 'fix-b': not reachable from start 'ask'");
    }

    [Fact]
    public void NoCycleThroughNext()
    {
        content.EditNode("create-ad", "fix-b", n => n["next"] = "fix-a");
        AssertProblem("dialogs/create-ad.json: node 'fix-a': cycle: fix-a → fix-b → fix-a");
    }

    [Fact]
    public void NoCycleBackToAQuestion()
    {
        content.EditNode("create-ad", "fix-b", n => n["next"] = "ask");
        AssertProblem("cycle: ask → fix-a → fix-b → ask");
    }

    [Fact]
    public void AQuestionNeedsTwoToSixChoices()
    {
        content.EditNode("create-ad", "ask", n => ((JArray)n["choices"]!).RemoveAt(1));
        AssertProblem("dialogs/create-ad.json: node 'ask': has 1 choices (2..6 expected)");
    }

    [Fact]
    public void NodeIdsAreUniqueAndKebabCase()
    {
        content.EditNode("create-ad", "fix-b", n => n["id"] = "fix-a");
        AssertProblem("dialogs/create-ad.json: node 'fix-a': id is used twice");
        content.EditNode("create-ad", "ask", n => n["id"] = "Ask_Me");
        content.EditFlow("create-ad", f => f["start"] = "Ask_Me");
        AssertProblem("node 'Ask_Me': id must be kebab-case");
    }

    [Fact]
    public void ANodeTypeIsQuestionOrAnswer()
    {
        content.EditNode("create-ad", "fix-b", n => n["type"] = "info");
        AssertProblem("dialogs/create-ad.json: node 'fix-b': type 'info' must be 'question' or 'answer'");
    }

    [Fact]
    public void AnAnswerHasAtMostSixSteps()
    {
        content.EditNode("create-ad", "fix-b", n => n["steps"] = new JArray(Enumerable.Range(1, 7).Select(i => Text($"É{i}", $"S{i}"))));
        AssertProblem("dialogs/create-ad.json: node 'fix-b': has 7 steps (6 at most)");
    }

    // Texts

    [Fact]
    public void EveryTextNeedsEnglish()
    {
        content.EditNode("shop-not-ready", "ask", n => n["text"] = new JObject { ["fr"] = "Question ?" });
        AssertProblem("dialogs/shop-not-ready.json: node 'ask': text: en text is missing");
    }

    [Fact]
    public void EveryTextNeedsFrench()
    {
        content.EditFlow("shop-not-ready", f => f["title"] = Text(" ", "Title"));
        AssertProblem("dialogs/shop-not-ready.json: title: fr text is missing");
    }

    [Fact]
    public void ATextMustNotHoldAMarkdownLink()
    {
        content.EditNode("shop-not-ready", "fix-a", n => n["steps"]![0] = Text("Voir [l'aide](https://x.com)", "See help"));
        AssertProblem("dialogs/shop-not-ready.json: node 'fix-a': step 1: fr text has a markdown link");
    }

    [Fact]
    public void ATextMustNotHoldARawUrl()
    {
        content.EditNode("shop-not-ready", "fix-b", n => n["note"] = Text("Note", "Go to www.tiktok.com"));
        AssertProblem("dialogs/shop-not-ready.json: node 'fix-b': note: en text has a URL");
    }

    [Fact]
    public void EveryRequiredMenuStringMustExist()
    {
        content.EditMenu(m => ((JObject)m["strings"]!).Remove("didYouMeanTitle"));
        AssertProblem("dialogs/main-menu.json: string 'didYouMeanTitle' is missing");
    }

    [Fact]
    public void PlaceholdersMustMatchBetweenLanguages()
    {
        content.EditMenu(m => m["strings"]!["routedTo"] = Text("Je vous guide pour : {title}.", "Let me guide you."));
        AssertProblem("dialogs/main-menu.json: string 'routedTo': fr and en use different {placeholders}");
    }

    // Menu

    [Fact]
    public void EveryBranchMustBeInAGroup()
    {
        content.EditMenu(m => ((JArray)m["groups"]![2]!["branches"]!).RemoveAt(0));
        AssertProblem("dialogs/main-menu.json: branch 'ad-rejected' (dialogs/ad-rejected.json) is in no group");
    }

    [Fact]
    public void NoBranchInTwoGroups()
    {
        content.EditMenu(m => ((JArray)m["groups"]![3]!["branches"]!).Add("create-ad"));
        AssertProblem("dialogs/main-menu.json: branch 'create-ad' must appear in exactly one group (found 2)");
    }

    [Fact]
    public void AFlowGroupMustMatchTheMenu()
    {
        content.EditFlow("create-ad", f => f["group"] = "help");
        AssertProblem("dialogs/create-ad.json: group 'help' does not match the menu, which lists it under 'setup'");
    }

    // Help sections

    [Fact]
    public void EveryReferencedHelpSectionMustExist()
    {
        content.EditNode("ad-rejected", "fix-b", n => n["sections"] = new JArray("sec-one", "sec-ghost"));
        AssertProblem("dialogs/ad-rejected.json: node 'fix-b': help section 'sec-ghost' does not exist in seeds/help-sections.json");
    }

    [Fact]
    public void EveryHelpUrlMustBeAbsoluteHttps()
    {
        content.EditHelp(h => h[1]!["url_en"] = "http://example.com/two");
        AssertProblem("seeds/help-sections.json: section 'sec-two': url_en 'http://example.com/two' is not an absolute https URL");
        content.EditHelp(h => h[1]!["url_en"] = "/help/two");
        AssertProblem("url_en '/help/two' is not an absolute https URL");
    }

    [Fact]
    public void EveryUrlSaysHowItWasChecked()
    {
        content.EditHelp(h => ((JObject)h[0]!).Remove("url_en_check"));
        AssertProblem("section 'sec-one': url_en_check is missing");
        content.EditHelp(h => h[0]!["url_en_check"] = Check("verified", "somewhere"));
        AssertProblem("section 'sec-one': url_en_check: status 'verified' must be 'seen' or 'inferred'");
        content.EditHelp(h => h[0]!["url_en_check"] = Check("seen", " "));
        AssertProblem("section 'sec-one': url_en_check: 'from' must say what the URL was seen in or inferred from");
    }

    [Fact]
    public void TwoSectionsMustNotOpenTheSamePage()
    {
        content.EditHelp(h => h[1]!["url_en"] = "https://example.com/one?lang=en");
        AssertProblem("section 'sec-two': opens the same page as section 'sec-one' (https://example.com/one?lang=en): one section per page");
    }

    [Fact]
    public void ASectionListsExactlyTheFlowsThatLinkIt()
    {
        content.EditHelp(h => ((JArray)h[1]!["branches"]!).Remove(h[1]!["branches"]!.First(b => (string?)b == "create-ad")));
        AssertProblem("section 'sec-two': branches [connect-shop, shop-not-ready, ads-tab-missing");
        AssertProblem("must list exactly the flows that link it: [connect-shop, create-ad, shop-not-ready, ads-tab-missing");
    }

    [Fact]
    public void EveryBranchLinksTheSeedPage()
    {
        content.EditNode("create-ad", "fix-b", n => n["sections"] = new JArray("sec-two"));
        AssertProblem("dialogs/create-ad.json: links no node to 'sec-one', the seed's own page: every branch links it");
    }

    [Fact]
    public void NonMustNotShowThePageJustSeen()
    {
        content.EditNode("ad-rejected", "fix-b", n => n["sections"] = new JArray("sec-one", "sec-three"));
        AssertProblem("dialogs/ad-rejected.json: node 'fix-a': « Non » leads to 'fix-b', which links 'sec-three' again: the next remedy must open other pages");
    }

    // Wording

    [Fact]
    public void AnArticleNamedInATextIsTheOneItsButtonOpens()
    {
        content.EditNode("create-ad", "fix-a", n => n["note"] = Text("Ouvrez l'article « Section trois ».", "Open the article “Section three”."));
        content.Load();
        content.EditNode("create-ad", "fix-a", n => n["note"] = Text("Ouvrez l'article « Bonnes pratiques ».", "Open the article “Section three”."));
        AssertProblem("dialogs/create-ad.json: node 'fix-a': note (fr) names the article « Bonnes pratiques », but no button of this answer opens a page with that title (its sections: « Section trois »)");
    }

    [Fact]
    public void AnEnglishInterfaceLabelInFrenchTextSaysTheScreenShowsItInEnglish()
    {
        content.EditNode("create-ad", "fix-a", n => n["note"] = Text("Allez dans « Users » > « Members ».", "Go to “Users” > “Members”."));
        AssertProblem("dialogs/create-ad.json: node 'fix-a': note (fr) quotes the English interface label(s) « Users », « Members » without saying « en anglais à l'écran »");
        content.EditNode("create-ad", "fix-a", n => n["note"] = Text("Allez dans « Users » > « Members » (en anglais à l'écran).", "Go to “Users” > “Members”."));
        content.Load();
    }

    [Fact]
    public void ALabelTheFrenchSeedUsesIsFrench()
    {
        content.EditNode("create-ad", "fix-a", n => n["note"] = Text("Cliquez sur « Marketing ».", "Click “Marketing”."));
        AssertProblem("quotes the English interface label(s) « Marketing »");
        content.WriteText("seeds/seed-shop-ads-help.fr.txt", "Pour les États-Unis, veuillez cliquer sur la section Marketing à gauche.");
        content.Load();
    }

    // Card templates: rendered for every node in both languages

    [Fact]
    public void EveryCardTemplateMustExist()
    {
        content.Delete("cards/suggestions.json");
        AssertProblem("cards/suggestions.json: card template is missing");
    }

    [Fact]
    public void ACardMustBeVersionOnePointFiveAtMost()
    {
        content.EditCard("answer", c => c["version"] = "1.6");
        AssertProblem("cards/answer.json: node 'create-ad/fix-a (fr)': version '1.6' must be 1.5 or lower");
    }

    [Fact]
    public void ACardMustHaveFallbackText()
    {
        content.EditCard("menu", c => c.Remove("fallbackText"));
        AssertProblem("cards/menu.json: node '(en)': fallbackText is missing");
    }

    [Fact]
    public void AnUnboundExpressionIsReported()
    {
        content.EditCard("question", c => ((JArray)c["body"]!).Add(new JObject { ["type"] = "TextBlock", ["text"] = "${subtitle}", ["wrap"] = true }));
        AssertProblem("cards/question.json: node 'connect-shop/ask (fr)': unbound expression '${subtitle}'");
    }

    [Fact]
    public void AnOpenUrlMustBeHttps()
    {
        content.EditCard("notice", c => c["actions"] = new JArray(new JObject { ["type"] = "Action.OpenUrl", ["title"] = "Site", ["url"] = "http://example.com" }));
        AssertProblem("has url 'http://example.com', not an absolute https URL");
    }

    [Fact]
    public void OnlyElementsEveryChannelRendersAreAllowed()
    {
        content.EditCard("notice", c => c["actions"] = new JArray(new JObject { ["type"] = "Action.Execute", ["title"] = "Go", ["verb"] = "x" }));
        AssertProblem("cards/notice.json: node 'string help (fr)': element type 'Action.Execute' at actions[0] is not shown by every channel");
    }

    [Fact]
    public void EveryTextBlockWraps()
    {
        content.EditCard("notice", c => c["body"]![0]!["wrap"] = false);
        AssertProblem("TextBlock at body[0] must have wrap: true");
    }

    [Fact]
    public void ATextBlockBoundToANumberIsReported()
    {
        // "${$number}" alone binds the number itself; Web Chat then renders an empty TextBlock.
        content.EditCard("answer", c => ((JArray)c["body"]!).Add(new JObject
        {
            ["$data"] = "${steps}", ["type"] = "TextBlock", ["text"] = "${$number}", ["wrap"] = true,
        }));
        AssertProblem("text is a Integer, not a string (hosts show nothing)");
    }

    [Fact]
    public void ASubmitWithoutStampedDataIsReported()
    {
        content.EditCard("notice", c => c["actions"] = new JArray(new JObject { ["type"] = "Action.Submit", ["title"] = "Go", ["data"] = new JObject { ["x"] = 1 } }));
        AssertProblem("Action.Submit at actions[0] data must be a choice (flow, node, choice) or a command, with msteams messageBack");
    }

    [Fact]
    public void AllProblemsAreListedTogether()
    {
        content.EditNode("create-ad", "ask", n => n["choices"]![0]!["next"] = "foo");
        content.EditMenu(m => ((JObject)m["strings"]!).Remove("yes"));
        var error = Assert.Throws<ContentException>(() => content.Load());
        Assert.Contains(new ContentProblem("dialogs/create-ad.json", "ask", "choice 'a': next 'foo' does not exist"), error.Problems);
        Assert.Contains(new ContentProblem("dialogs/main-menu.json", null, "string 'yes' is missing"), error.Problems);
        Assert.StartsWith($"{error.Problems.Count} content problems:", error.Message);
    }
}

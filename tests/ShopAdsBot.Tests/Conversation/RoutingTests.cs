using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>
/// Free text: a clear problem begins its branch and says so; mid-branch, only a clear new problem interrupts;
/// a plausible guess gets « Vouliez-vous dire… ? »; anything else is out of scope, politely.
/// The messages are the issues' examples and plainly worded ones, not the recognizer's hold-out set.
/// </summary>
public class RoutingTests
{
    [Theory]
    [InlineData("l'onglet annonces napparait pas", "fr-FR", "ads-tab-missing")]
    [InlineData("erreur BC admin quand je clique sur créer une campagne", "fr-FR", "bc-admin-permission")]
    [InlineData("my LSA doesn't spend", "en-US", "underperforming")]
    [InlineData("ma pub a été rejetée", "fr-FR", "ad-rejected")]
    [InlineData("how do I connect my shop to my ads account", "en-US", "connect-shop")]
    [InlineData("je veux contacter le support", "fr-FR", "support-contact")]
    public async Task AClearProblemAtTheMenuBeginsItsBranchAndSaysSo(string message, string locale, string branch)
    {
        var client = new BotTestClient(locale);
        await client.ConversationStartAsync();
        var replies = await client.SendTextAsync(message);

        var title = Catalog.Flow(branch).Title.Get(locale[..2]);
        Assert.Equal(Text(locale, "routedTo", ("title", title)), replies[0].Text);
        AssertNode(replies.SingleCard(), branch, Catalog.Flow(branch).Start, locale);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AClearNewProblemMidBranchInterruptsIt(bool atAnswer)
    {
        var client = new BotTestClient();
        if (atAnswer) await client.OpenUsMenuPathAnswerAsync(); else await client.OpenBranchAsync("ads-tab-missing");

        var replies = await client.SendTextAsync("ma pub a été rejetée, comment faire appel ?");
        Assert.Equal(Text("fr-FR", "routedTo", ("title", Catalog.Flow("ad-rejected").Title.Fr)), replies[0].Text);
        var card = replies.SingleCard();
        AssertNode(card, "ad-rejected", "ask-situation", "fr-FR");
        AssertNode((await client.ClickAsync(card.Button("appeal-now"))).LastCard(), "ad-rejected", "one-click-appeal", "fr-FR");
    }

    [Theory]
    [InlineData("compte")]     // a plausible topic on its own, never enough to leave the current step
    [InlineData("campagne")]
    public async Task AWeakGuessMidBranchNeverInterrupts(string message)
    {
        var client = new BotTestClient();
        var question = await client.OpenBranchAsync("ads-tab-missing");

        var replies = await client.SendTextAsync(message);
        Assert.Equal(Text("fr-FR", "notUnderstood"), replies[0].Text);
        Assert.Equal(question.ToString(), replies.SingleCard().ToString());
        Assert.DoesNotContain(Text("fr-FR", "didYouMeanTitle"), replies.AllText());
        AssertNode((await client.SendTextAsync("2")).LastCard(), "ads-tab-missing", "check-permission", "fr-FR");
    }

    [Theory]
    [InlineData("BC", "fr-FR")]
    [InlineData("pub", "fr-FR")]
    public async Task APlausibleGuessAtTheMenuOffersUpToThreeTopicsThatWork(string message, string locale)
    {
        var client = new BotTestClient(locale);
        var card = (await client.SendTextAsync(message)).SingleCard();

        Assert.Contains(Text(locale, "didYouMeanTitle"), card.AllText());
        var offered = card.SubmitActions().Select(a => a["data"]!).Where(d => (string?)d["flow"] == "menu").Select(d => (string)d["choice"]!).ToList();
        Assert.InRange(offered.Count, 1, 3);
        Assert.Equal(offered.Count, offered.Distinct().Count());
        foreach (var branch in offered)
        {
            Assert.Contains(branch, Catalog.BranchIds);
            Assert.Contains(Catalog.Flow(branch).Title.Get(locale[..2]), card.AllText());
            AssertNode((await client.ClickAsync(card.Button(branch))).LastCard(), branch, Catalog.Flow(branch).Start, locale);
        }

        // « Aucun de ces sujets » goes back to the menu.
        var none = card.SubmitActions().Single(a => (string?)a["data"]?["command"] == "menu");
        Assert.Equal(Text(locale, "noneOfThese"), (string?)none["title"]);
        Assert.Contains(Text(locale, "menuTitle"), (await client.ClickAsync((Newtonsoft.Json.Linq.JObject)none["data"]!)).SingleCard().AllText());
    }

    [Theory]
    [InlineData("erreur business center", "bc-access-required bc-admin-permission ads-manager-not-connected")] // the three Business Center errors
    // A lone account word was answered as out of scope until pass 10's model, which reads the small words: « mon
    // compte … » messages out of scope no longer teach "none" through « compte » alone (docs/recognizer.md, pass 10).
    // It now gets the question between the two account topics (0.53 and 0.29).
    [InlineData("compte", "ads-manager-not-connected account-management")]
    // « j'ai un souci avec ma campagne live » was the second case until pass 7's data (v6 merged): a campaign that exists
    // and has a problem now reads as underperforming (0.63 against create-ad 0.18, under the 0.45 ratio), and the
    // branch's first question covers LIVE. Another message was not picked to make the question fire again: that
    // would tune the test on the model.
    public async Task TwoCloseNeighboursGetOneShortQuestionWithTheTwoChoices(string message, string neighbours)
    {
        var client = new BotTestClient("fr-FR");
        var card = (await client.SendTextAsync(message)).SingleCard();

        Assert.Contains(Text("fr-FR", "clarifyTitle"), card.AllText());
        var offered = card.SubmitActions().Select(a => a["data"]!).Where(d => (string?)d["flow"] == "menu").Select(d => (string)d["choice"]!).ToList();
        Assert.Equal(2, offered.Distinct().Count());
        Assert.All(offered, branch => Assert.Contains(branch, neighbours.Split(' ')));
        AssertNode((await client.ClickAsync(card.Button(offered[1]))).LastCard(), offered[1], Catalog.Flow(offered[1]).Start, "fr-FR");
    }

    [Theory]
    [InlineData("ma boutique est aux États-Unis et je ne trouve pas l'onglet Annonces", "fr-FR", "ads-tab-missing", "us-shop")]
    [InlineData("I can't find the Ads tab, my shop is in the US", "en-US", "ads-tab-missing", "us-shop")]
    [InlineData("notre ancienne agence a toujours notre boutique dans son BC, erreur autorisation admin", "fr-FR", "bc-admin-permission", "ex-partner")]
    [InlineData("comment créer une pub pour mon live", "fr-FR", "create-ad", "live")]
    [InlineData("on voudrait lancer une pub pour notre live de samedi, on fait comment ?", "fr-FR", "create-ad", "live")]
    [InlineData("it's a LIVE campaign, how do I set it up", "en-US", "create-ad", "live")]
    [InlineData("notre campagne live de samedi ne diffuse pas", "fr-FR", "underperforming", "lsa-off-schedule")]
    [InlineData("our live campaign isn't delivering at all", "en-US", "underperforming", "lsa-off-schedule")]
    [InlineData("mes LSA sont en pause depuis hier, la campagne sous-performe", "fr-FR", "underperforming", "lsa-paused")]
    public async Task WhatTheSellerAlreadySaidSkipsTheFirstQuestionAndSaysSoInOneLine(string message, string locale, string branch, string choiceId)
    {
        var client = new BotTestClient(locale);
        var replies = await client.SendTextAsync(message);

        var flow = Catalog.Flow(branch);
        var choice = flow.FindNode(flow.Start)!.Choices.Single(c => c.Id == choiceId);
        Assert.Equal(Text(locale, "routedTo", ("title", flow.Title.Get(locale[..2]))), replies[0].Text);
        Assert.Equal(Text(locale, "startedAtAnswer", ("answer", choice.Title.Get(locale[..2]))), replies[1].Text);
        AssertNode(replies.SingleCard(), branch, choice.Next, locale);
    }

    [Theory]
    [InlineData("comment rembourser un client", "fr-FR")]
    [InlineData("ma commande n'est pas livrée", "fr-FR")]
    [InlineData("how do I go live", "en-US")]
    [InlineData("les stats de ma boutique", "fr-FR")]
    public async Task OutOfScopeGetsAnHonestAnswerAndTheMenu(string message, string locale)
    {
        var client = new BotTestClient(locale);
        var card = (await client.SendTextAsync(message)).SingleCard();
        Assert.Contains(Text(locale, "outOfScope"), card.AllText());
        Assert.NotNull(card.CommandButton("menu"));
    }
}

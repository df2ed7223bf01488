using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>
/// The Emulator's inspector shows how the bot understood each message ("Route") and where the seller is ("Flow").
/// No other channel ever receives a trace, not even in an expectReplies response body.
/// </summary>
public class EmulatorTraceTests
{
    [Fact]
    public async Task RecognisedFreeTextIsTracedWithItsBranchScoreAndAlternatives()
    {
        var client = new BotTestClient("fr-FR", "emulator");
        var replies = await client.SendTextAsync("l'onglet annonces napparait pas");

        var route = Value(Assert.Single(replies.Traces("Route")));
        Assert.Equal("ads-tab-missing", (string?)route["branch"]);
        Assert.InRange((double)route["score"]!, 0.5, 1.0); // it began the branch: a high score
        var alternatives = (JArray)route["alternatives"]!;
        Assert.NotEmpty(alternatives);
        Assert.Equal("ads-tab-missing", (string?)alternatives[0]["branch"]);
        Assert.All(alternatives, a =>
        {
            Assert.Contains((string)a["branch"]!, Catalog.BranchIds);
            Assert.InRange((double)a["score"]!, 0.0, 1.0);
        });
        var scores = alternatives.Select(a => (double)a["score"]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        // The Flow trace comes last, after the card: where the seller now is.
        Assert.Equal(ActivityTypes.Trace, replies[^1].Type);
        Assert.Equal(new JObject { ["branch"] = "ads-tab-missing", ["node"] = "ask-situation" }, Value(replies[^1]), JToken.EqualityComparer);
    }

    [Theory]
    [InlineData("comment rembourser un client")]
    [InlineData("😀")]
    public async Task OutOfScopeTextIsTracedAsNoneAndNoFlowIsTraced(string message)
    {
        var client = new BotTestClient("fr-FR", "emulator");
        var replies = await client.SendTextAsync(message);
        Assert.Equal("none", (string?)Value(Assert.Single(replies.Traces("Route")))["branch"]);
        Assert.Empty(replies.Traces("Flow"));
    }

    [Fact]
    public async Task EveryTurnInAFlowIsTracedWithItsNodeAndNoneOutsideOne()
    {
        var client = new BotTestClient("en-US", "emulator");
        Assert.DoesNotContain(await client.ConversationStartAsync(), r => r.Type == ActivityTypes.Trace);

        var menu = await client.SendTextAsync("menu");
        Assert.DoesNotContain(menu, r => r.Type == ActivityTypes.Trace); // a command is not routed; no flow yet

        var question = await client.ClickAsync(menu.LastCard().Button("ads-tab-missing"));
        Assert.Empty(question.Traces("Route")); // clicks are not free text
        AssertFlow(question, "ads-tab-missing", "ask-situation");

        var help = await client.SendTextAsync("help");
        AssertFlow(help, "ads-tab-missing", "ask-situation");

        var answer = await client.SendTextAsync("My shop is in the US");
        AssertFlow(answer, "ads-tab-missing", "us-menu-path");

        var next = await client.ClickAsync(answer.LastCard().Button("no"));
        AssertFlow(next, "ads-tab-missing", "check-permission");

        var done = await client.ClickAsync(next.LastCard().Button("yes"));
        Assert.DoesNotContain(done, r => r.Type == ActivityTypes.Trace);
    }

    [Fact]
    public async Task TheEscalationToSupportIsTracedInTheSupportBranch()
    {
        var client = new BotTestClient("fr-FR", "emulator");
        var card = (await client.OpenBranchAsync("bc-admin-permission"));
        card = (await client.ClickAsync(card.Button("ex-partner"))).LastCard();
        var replies = await client.ClickAsync(card.Button("no"));
        AssertFlow(replies, "support-contact", "ask-need");
    }

    [Theory]
    [InlineData("test")]
    [InlineData("webchat")]
    [InlineData("msteams")]
    public async Task OtherChannelsNeverGetATrace(string channel)
    {
        var client = new BotTestClient("fr-FR", channel);
        var all = new List<Activity>();
        all.AddRange(await client.SendTextAsync("l'onglet annonces napparait pas"));
        all.AddRange(await client.SendTextAsync("2"));
        all.AddRange(await client.SendTextAsync("comment rembourser un client"));
        all.AddRange(await client.SendTextAsync("compte"));
        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, r => r.Type == ActivityTypes.Trace);
    }

    [Fact]
    public async Task ExpectRepliesOverHttpReturnsNoTraceOnWebChat()
    {
        await using var host = new BotHost();
        var routed = await host.ExpectRepliesAsync(ActivityJson.Message("l'onglet annonces napparait pas", channelId: "webchat", conversationId: "trace-webchat"));
        var answered = await host.ExpectRepliesAsync(ActivityJson.Message("2", channelId: "webchat", conversationId: "trace-webchat"));

        Assert.Contains(routed, a => (string?)a["type"] == "message" && a["attachments"] != null); // the branch's card
        Assert.Contains(answered, a => (string?)a["type"] == "message");
        Assert.DoesNotContain(routed.Concat(answered), a => (string?)a["type"] == "trace");
    }

    [Fact]
    public async Task ExpectRepliesOverHttpOnTheEmulatorCarriesBothTraces()
    {
        await using var host = new BotHost();
        var replies = await host.ExpectRepliesAsync(ActivityJson.Message("l'onglet annonces napparait pas", channelId: "emulator", conversationId: "trace-emulator"));
        var traces = replies.Where(a => (string?)a["type"] == "trace").ToDictionary(a => (string)a["name"]!, a => a["value"]!);
        Assert.Equal("ads-tab-missing", (string?)traces["Route"]["branch"]);
        Assert.Equal("ask-situation", (string?)traces["Flow"]["node"]);
    }

    private static void AssertFlow(IReadOnlyList<Activity> replies, string branch, string node)
    {
        var flow = Value(Assert.Single(replies.Traces("Flow")));
        Assert.Equal(branch, (string?)flow["branch"]);
        Assert.Equal(node, (string?)flow["node"]);
        Assert.Same(replies[^1], replies.Traces("Flow").Single());
    }

    private static JObject Value(Activity trace) => trace.Value as JObject ?? JObject.FromObject(trace.Value);
}

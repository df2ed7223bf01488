using System.Net;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Teams;

/// <summary>
/// Teams activities POSTed to the real host (CloudAdapter, no auth as in Development). Replies come back in the body
/// (deliveryMode expectReplies), so nothing is ever posted to the Teams serviceUrl from a test.
/// </summary>
public class TeamsHttpTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task InstallInPersonalScopeGivesOneWelcomeCard()
    {
        var teams = new TeamsConversation(TeamsScope.Personal);

        var onMembersAdded = await host.ExpectRepliesAsync(teams.MembersAdded(TeamsConversation.Bot));
        var onInstallation = await host.ExpectRepliesAsync(teams.InstallationUpdate("add"));

        var welcome = Assert.Single(onMembersAdded);
        var attachment = Assert.Single((JArray)welcome["attachments"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("1.5", (string?)attachment["content"]?["version"]);
        Assert.Equal(teams.Id, (string?)welcome["conversation"]?["id"]);
        Assert.Empty(onInstallation);
    }

    public static TheoryData<string> SilentEvents() =>
        ["person joins the team", "person leaves", "channelCreated", "teamRenamed", "unknown eventType", "reaction", "uninstalled"];

    [Theory]
    [MemberData(nameof(SilentEvents))]
    public async Task EventsTheBotDoesNotAnswerReturn200AndNoReply(string kind)
    {
        var teams = new TeamsConversation(TeamsScope.Channel);
        var activity = kind switch
        {
            // With the SDK's default, this one would call the Teams serviceUrl to look the person up.
            "person joins the team" => teams.MembersAdded(TeamsConversation.Account("29:1newcomer", "Léa Dubois", "2d9e4f6a-8b1c-4d3e-a5f7-9c0b2e4d6f81")),
            "person leaves" => teams.MembersRemoved(TeamsConversation.User),
            "unknown eventType" => teams.ConversationUpdate("teamMemberPromoted"),
            "reaction" => teams.ReactionAdded("heart"),
            "uninstalled" => teams.InstallationUpdate("remove"),
            _ => teams.ConversationUpdate(kind),
        };

        Assert.Empty(await host.ExpectRepliesAsync(activity));
    }

    [Fact]
    public async Task AnUnknownInvokeIsAnswered501NeverA500()
    {
        var teams = new TeamsConversation(TeamsScope.Personal);

        var response = await host.PostActivityAsync(teams.Invoke("composeExtension/query", new JObject { ["commandId"] = "search" }));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task InAChannelAMentionedQuestionGetsTheSameRepliesAsWithoutTheMention()
    {
        var withMention = new TeamsConversation(TeamsScope.Channel);
        var without = new TeamsConversation(TeamsScope.Channel);
        const string question = "l'onglet annonces n'apparait pas";

        var mentioned = await host.ExpectRepliesAsync(withMention.Message(question, mentionBot: true));
        var plain = await host.ExpectRepliesAsync(without.Message(question));

        Assert.NotEmpty(plain);
        Assert.Equal(plain.Count, mentioned.Count);
        for (var i = 0; i < plain.Count; i++)
        {
            Assert.Equal((string?)plain[i]["text"], (string?)mentioned[i]["text"]);
            Assert.True(JToken.DeepEquals(plain[i]["attachments"], mentioned[i]["attachments"]), $"reply {i}: the cards differ");
            Assert.Null(mentioned[i]["suggestedActions"]);
        }
    }
}

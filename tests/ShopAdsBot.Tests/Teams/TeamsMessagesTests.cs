using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Teams;

/// <summary>Messages and card clicks as Teams sends them, through the real bot behind TestAdapter.</summary>
public class TeamsMessagesTests
{
    private static readonly ContentCatalog Content = new BotTestClient().Content;

    [Theory]
    [InlineData(TeamsScope.Channel, "fr-FR", "l'onglet annonces n'apparait pas")]
    [InlineData(TeamsScope.Channel, "fr-FR", "menu")]
    [InlineData(TeamsScope.GroupChat, "fr-FR", "aide")]
    [InlineData(TeamsScope.GroupChat, "en-US", "my ad was rejected")]
    [InlineData(TeamsScope.Personal, "en-US", "restart")]
    public async Task AnAtMentionOfTheBotNeverChangesTheAnswer(TeamsScope scope, string locale, string text)
    {
        var withMention = new TeamsConversation(scope, locale);
        var without = new TeamsConversation(scope, locale);

        var mentioned = await withMention.Client().SendAsync(TeamsConversation.ToActivity(withMention.Message(text, mentionBot: true)));
        var plain = await without.Client().SendAsync(TeamsConversation.ToActivity(without.Message(text)));

        Assert.NotEmpty(plain);
        Assert.Equal(Describe(plain), Describe(mentioned));
    }

    [Fact]
    public async Task InAChannelTheWholeFlowWorksByMentionAndMessageBackClicks()
    {
        var teams = new TeamsConversation(TeamsScope.Channel);
        var client = teams.Client();
        var flow = Content.Flow("ads-tab-missing");
        var seen = new List<Activity>();

        var menu = await client.SendAsync(TeamsConversation.ToActivity(teams.Message("menu", mentionBot: true)));
        seen.AddRange(menu);
        var branch = await client.SendAsync(TeamsConversation.ToActivity(teams.MessageBackClick(menu.LastCard().Button(flow.Id))));
        seen.AddRange(branch);

        // The branch's first question, then a choice clicked the Teams way leads to the node the flow names.
        var start = flow.Node(flow.Start);
        Assert.Contains(start.Text.Get("fr"), branch.LastCard().AllText());
        var choice = start.Choices[0];
        var next = await client.SendAsync(TeamsConversation.ToActivity(teams.MessageBackClick(branch.LastCard().Button(choice.Id, start.Id))));
        seen.AddRange(next);
        var nextNode = flow.Node(choice.Next);
        Assert.Contains((nextNode.IsQuestion ? nextNode.Text : nextNode.Title).Get("fr"), next.LastCard().AllText());

        // The back-to-menu button works the same way.
        var back = await client.SendAsync(TeamsConversation.ToActivity(teams.MessageBackClick(next.LastCard().CommandButton("menu"))));
        seen.AddRange(back);
        Assert.Contains(Content.Menu.Text("menuTitle", "fr"), back.LastCard().AllText());

        Assert.All(seen, reply => Assert.Null(reply.SuggestedActions));
        AssertCardsFitTeams(seen);
    }

    [Fact]
    public async Task InAPersonalChatAClickCarryingOnlyTheMessageBackValueAsAJsonStringIsRecognisedToo()
    {
        var teams = new TeamsConversation(TeamsScope.Personal, "en-US");
        var client = teams.Client();

        var welcome = await client.SendAsync(TeamsConversation.ToActivity(teams.MembersAdded(TeamsConversation.Bot)));
        var branch = await client.SendAsync(TeamsConversation.ToActivity(teams.MessageBackClick(welcome.SingleCard().Button("create-ad"), msteamsValueOnly: true)));

        var flow = Content.Flow("create-ad");
        Assert.Contains(flow.Node(flow.Start).Text.Get("en"), branch.LastCard().AllText());
        Assert.DoesNotContain(Content.Menu.Text("staleClick", "en"), branch.AllText());
    }

    [Fact]
    public async Task EveryCardTheBotSendsInTeamsIsVersion15AtFullWidth()
    {
        // Welcome, menu, suggestions, question, answer and notice cards, in a personal chat.
        var teams = new TeamsConversation(TeamsScope.Personal);
        var client = teams.Client();
        var seen = new List<Activity>();
        seen.AddRange(await client.SendAsync(TeamsConversation.ToActivity(teams.MembersAdded(TeamsConversation.Bot))));
        foreach (var text in new[] { "menu", "pub", "ma pub a été refusée", "annuler" })
        {
            seen.AddRange(await client.SendAsync(TeamsConversation.ToActivity(teams.Message(text))));
        }
        var flow = Content.Flow("support-contact");
        var walk = await client.SendAsync(TeamsConversation.ToActivity(teams.MessageBackClick(CardsOf(seen).First(c => c.SubmitActions().Any(a => (string?)a["data"]?["choice"] == flow.Id)).Button(flow.Id))));
        seen.AddRange(walk);
        for (var i = 0; i < 6 && walk.LastCard().SubmitActions().Any(a => a["data"]?["node"] != null); i++)
        {
            var button = walk.LastCard().SubmitActions().Select(a => (JObject)a["data"]!).First(d => d["node"] != null);
            walk = await client.SendAsync(TeamsConversation.ToActivity(teams.MessageBackClick(button)));
            seen.AddRange(walk);
        }

        Assert.True(CardsOf(seen).Count() >= 6, $"only {CardsOf(seen).Count()} cards seen");
        AssertCardsFitTeams(seen);
    }

    private static IEnumerable<JObject> CardsOf(IEnumerable<Activity> replies) => replies.AdaptiveCards();

    /// <summary>Teams renders Adaptive Cards up to 1.5 everywhere; "Full" width keeps the buttons readable in a channel.</summary>
    private static void AssertCardsFitTeams(IEnumerable<Activity> replies)
    {
        var cards = replies.AdaptiveCards().ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, card =>
        {
            Assert.Equal("1.5", (string?)card["version"]);
            Assert.Equal("Full", (string?)card["msteams"]?["width"]);
        });
    }

    /// <summary>What a person sees of the replies: type, text and attachments as JSON.</summary>
    private static List<string> Describe(IEnumerable<Activity> replies) =>
        replies.Select(r => $"{r.Type}|{r.Text}|{JToken.FromObject(r.Attachments ?? []).ToString(Newtonsoft.Json.Formatting.None)}|{r.SuggestedActions != null}").ToList();
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Lifecycle;

/// <summary>
/// In Teams and the Emulator a clicked card is replaced by a compact one (the question and the answer chosen, no
/// buttons), through the real host and a stand-in Bot Connector that receives the replies and the update.
/// </summary>
public class AnsweredCardTests
{
    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-US")]
    public async Task InTeamsTheClickedQuestionCardIsReplacedByTheQuestionAndTheAnswerChosen(string locale)
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var host = new BotHost();
        var teams = new TeamsConversation(TeamsScope.Personal, locale);
        var lang = locale[..2];

        var (question, questionId) = await OpenBranchAsync(host, teams, connector);
        await PostAsync(host, teams.MessageBackClick(question.Button("us-shop")), connector);

        var sent = connector.Drain();
        var update = Assert.Single(sent, r => r.Method == "PUT");
        Assert.Equal(questionId, update.ActivityId);
        Assert.Equal(questionId, (string?)update.Body?["id"]);
        var node = Catalog.Flow("ads-tab-missing").Node("ask-situation");
        var compact = update.Card!;
        Assert.Equal("1.5", (string?)compact["version"]);
        Assert.Empty(compact.Actions());
        Assert.Contains(node.Text.Get(lang), compact.AllText());
        Assert.Contains(Text(locale, "answeredWith", ("answer", node.Choices.First(c => c.Id == "us-shop").Title.Get(lang))), compact.AllText());
        Assert.False(string.IsNullOrWhiteSpace((string?)compact["fallbackText"]));
        // The next step came as usual, as a new message.
        var next = sent.Last(r => r.Method == "POST" && r.Card != null).Card!;
        AssertNode(next, "ads-tab-missing", "us-menu-path", locale);
    }

    [Fact]
    public async Task AnAnswerCardClickedNoIsReplacedToo()
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var host = new BotHost();
        var teams = new TeamsConversation(TeamsScope.Personal);
        var (question, _) = await OpenBranchAsync(host, teams, connector);
        var (answer, answerId) = await PostAsync(host, teams.MessageBackClick(question.Button("us-shop")), connector);
        connector.Drain();

        await PostAsync(host, teams.MessageBackClick(answer.Button("no")), connector);

        var update = Assert.Single(connector.Drain(), r => r.Method == "PUT");
        Assert.Equal(answerId, update.ActivityId);
        Assert.Contains(Text("fr-FR", "resolvedQuestion"), update.Card!.AllText());
        Assert.Contains(Text("fr-FR", "answeredWith", ("answer", Text("fr-FR", "no"))), update.Card!.AllText());
    }

    [Fact]
    public async Task OnTheEmulatorTheClickedCardIsReplacedAndOnWebChatItIsNot()
    {
        foreach (var (channel, replaced) in new[] { ("emulator", true), ("webchat", false) })
        {
            await using var connector = await StandInConnector.StartAsync();
            await using var host = new BotHost();
            var conversation = $"{channel}-{Guid.NewGuid():N}";
            var menu = await SendAsync(host, ActivityJson.Message("menu", serviceUrl: connector.ServiceUrl, channelId: channel, conversationId: conversation), connector);
            var question = await SendAsync(host, Click(menu.Card.Button("ads-tab-missing"), connector, channel, conversation), connector);
            connector.Drain();

            await host.PostActivityAsync(Click(question.Card.Button("us-shop"), connector, channel, conversation));

            var update = connector.Drain().SingleOrDefault(r => r.Method == "PUT");
            Assert.Equal(replaced, update is not null);
            if (update is not null)
            {
                Assert.Equal(question.Id, update.ActivityId);
            }
        }
    }

    [Fact]
    public async Task AClickOnAnOlderCardReplacesNothingAndGetsTheStaleClickAnswer()
    {
        await using var connector = await StandInConnector.StartAsync();
        await using var host = new BotHost();
        var teams = new TeamsConversation(TeamsScope.Personal);
        var (question, _) = await OpenBranchAsync(host, teams, connector);
        await PostAsync(host, teams.MessageBackClick(question.Button("us-shop")), connector);
        connector.Drain();

        await PostAsync(host, teams.MessageBackClick(question.Button("other-country")), connector);

        var sent = connector.Drain();
        Assert.DoesNotContain(sent, r => r.Method == "PUT");
        Assert.Contains(sent, r => (string?)r.Body?["text"] == Text("fr-FR", "staleClick"));
    }

    [Fact]
    public async Task AnUpdateRefusedWithActivityNotFoundIsIgnoredAndLogged()
    {
        await using var connector = await StandInConnector.StartAsync();
        var logs = new RecordingLoggerProvider();
        await using var host = new BotHost { TestServices = s => s.AddSingleton<ILoggerProvider>(logs) };
        var teams = new TeamsConversation(TeamsScope.Personal);
        var (question, questionId) = await OpenBranchAsync(host, teams, connector);
        connector.Script(r => r.Method == "PUT" ? StandInConnector.ActivityNotFound() : null);

        var response = await host.PostActivityAsync(WithConnector(teams.MessageBackClick(question.Button("us-shop")), connector));

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var sent = connector.Drain();
        AssertNode(sent.Last(r => r.Method == "POST" && r.Card != null).Card!, "ads-tab-missing", "us-menu-path", "fr-FR");
        Assert.Contains(sent, r => r.Method == "PUT");
        var logged = logs.Entries.Where(e => e.Category.EndsWith("AnsweredCardMiddleware", StringComparison.Ordinal)).ToList();
        Assert.True(logged.Any(e => e.Message.Contains("ActivityNotFound") && e.Message.Contains(questionId)), string.Join("\n", logged));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    /// <summary>"menu", then a click on the branch: the question card and the id the connector gave it.</summary>
    private static async Task<(JObject Card, string Id)> OpenBranchAsync(BotHost host, TeamsConversation teams, StandInConnector connector)
    {
        var (menu, _) = await PostAsync(host, teams.Message("menu"), connector);
        return await PostAsync(host, teams.MessageBackClick(menu.Button("ads-tab-missing")), connector);
    }

    /// <summary>Posts a Teams activity (replies to the stand-in connector): the last card the bot sent, and its id.</summary>
    private static async Task<(JObject Card, string Id)> PostAsync(BotHost host, JObject activity, StandInConnector connector)
    {
        var sent = await SendAsync(host, WithConnector(activity, connector), connector);
        return (sent.Card, sent.Id);
    }

    private static async Task<(JObject Card, string Id)> SendAsync(BotHost host, JObject activity, StandInConnector connector)
    {
        var before = connector.Received.Count;
        var response = await host.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        var posted = connector.Received.ToList().Skip(before).Last(r => r.Method == "POST" && r.Card != null);
        return (posted.Card!, posted.AnsweredId);
    }

    private static JObject WithConnector(JObject activity, StandInConnector connector)
    {
        activity["serviceUrl"] = connector.ServiceUrl;
        return activity;
    }

    private static JObject Click(JObject data, StandInConnector connector, string channel, string conversation)
    {
        var activity = ActivityJson.Message("", serviceUrl: connector.ServiceUrl, channelId: channel, conversationId: conversation);
        activity.Remove("text");
        activity["value"] = data;
        return activity;
    }
}

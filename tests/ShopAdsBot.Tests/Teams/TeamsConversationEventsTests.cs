using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Teams;

/// <summary>
/// What Teams tells the bot about the conversation itself (install, members, channels, reactions, invokes), through the
/// real bot behind TestAdapter. The bot speaks once when it arrives, and stays silent, without error, for the rest.
/// </summary>
public class TeamsConversationEventsTests
{
    private static readonly ContentCatalog Content = new BotTestClient().Content;

    [Theory]
    [InlineData("fr-FR", "Bonjour ! Je suis l'assistant TikTok Shop Ads")]
    [InlineData("en-US", "Hello! I'm the TikTok Shop Ads assistant")]
    public async Task InstalledInPersonalScopeTheBotWelcomesThePersonOnce(string locale, string welcomeTitle)
    {
        var teams = new TeamsConversation(TeamsScope.Personal, locale);
        var client = teams.Client();

        // Teams sends both events on install: the conversationUpdate (the bot added) and installationUpdate "add".
        var onMembersAdded = await client.SendAsync(TeamsConversation.ToActivity(teams.MembersAdded(TeamsConversation.Bot)));
        var onInstallation = await client.SendAsync(TeamsConversation.ToActivity(teams.InstallationUpdate("add")));

        Assert.Single(onMembersAdded);
        Assert.StartsWith(welcomeTitle, (string?)onMembersAdded.SingleCard()["fallbackText"]);
        Assert.Empty(onInstallation);
    }

    [Theory]
    [InlineData(TeamsScope.Channel, "fr-FR")]
    [InlineData(TeamsScope.Channel, "en-US")]
    [InlineData(TeamsScope.GroupChat, "fr-FR")]
    public async Task AddedToATeamOrAGroupChatTheBotIntroducesItselfInOneShortMessage(TeamsScope scope, string locale)
    {
        var teams = new TeamsConversation(scope, locale);
        var client = teams.Client();

        var replies = await client.SendAsync(TeamsConversation.ToActivity(teams.MembersAdded(TeamsConversation.Bot)));

        var intro = Assert.Single(replies);
        Assert.Equal(Content.Menu.Text("teamIntro", locale[..2]), intro.Text);
        Assert.True(intro.Attachments is null or { Count: 0 }, "no card in a team's channel on arrival");
    }

    [Theory]
    [InlineData(TeamsScope.Channel)]
    [InlineData(TeamsScope.GroupChat)]
    public async Task PeopleJoiningATeamOrAGroupChatAreNotMessaged(TeamsScope scope)
    {
        // As Teams sends them: an id and aadObjectId only. The SDK would ask Teams for their details over HTTP
        // (TeamsInfo.GetMemberAsync), which TestAdapter cannot answer: the bot must not depend on that call.
        var teams = new TeamsConversation(scope);
        var newcomer = TeamsConversation.Account("29:1a2b3c4d5e6f_newcomer", "Léa Dubois", "2d9e4f6a-8b1c-4d3e-a5f7-9c0b2e4d6f81");

        var replies = await teams.Client().SendAsync(TeamsConversation.ToActivity(teams.MembersAdded(newcomer)));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task WhenTheBotAndAPersonArriveTogetherTheWelcomeIsSentOnce()
    {
        var teams = new TeamsConversation(TeamsScope.Personal);
        var replies = await teams.Client().SendAsync(TeamsConversation.ToActivity(teams.MembersAdded(TeamsConversation.User, TeamsConversation.Bot)));
        Assert.Single(replies);
        Assert.Single(replies.AdaptiveCards());
    }

    public static TheoryData<string> IgnoredEvents() =>
    [
        "person removed", "bot removed", "channelCreated", "channelRenamed", "channelDeleted", "teamRenamed", "teamArchived",
        "an eventType Teams adds tomorrow", "reaction", "uninstalled", "installed (channel)",
    ];

    [Theory]
    [MemberData(nameof(IgnoredEvents))]
    public async Task EventsTheBotDoesNotHandleAreIgnoredWithoutError(string kind)
    {
        var teams = new TeamsConversation(TeamsScope.Channel);
        var json = kind switch
        {
            "person removed" => teams.MembersRemoved(TeamsConversation.User),
            "bot removed" => teams.MembersRemoved(TeamsConversation.Bot),
            "reaction" => teams.ReactionAdded(),
            "uninstalled" => teams.InstallationUpdate("remove"),
            "installed (channel)" => teams.InstallationUpdate("add"),
            "an eventType Teams adds tomorrow" => teams.ConversationUpdate("teamMemberPromoted"),
            _ => teams.ConversationUpdate(kind),
        };

        var replies = await teams.Client().SendAsync(TeamsConversation.ToActivity(json));

        Assert.Empty(replies);
    }

    [Fact]
    public async Task AnInvokeTheBotDoesNotImplementIsAnsweredNotImplemented()
    {
        // The bot declares no message extension, task module or Action.Execute: Teams only sends such an invoke by
        // mistake, and 501 (the SDK's answer) says exactly that, without any error in the bot.
        var teams = new TeamsConversation(TeamsScope.Personal);

        var replies = await teams.Client().SendAsync(TeamsConversation.ToActivity(teams.Invoke("composeExtension/query", new JObject { ["commandId"] = "search" })));

        var response = Assert.Single(replies);
        Assert.Equal(ActivityTypesEx.InvokeResponse, response.Type);
        Assert.Equal(501, ((InvokeResponse)response.Value).Status);
    }
}

using BotDialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;
using ShopAdsBot.Dialogs;
using ShopAdsBot.Localization;

namespace ShopAdsBot.Bots;

/// <summary>
/// The bot (DialogAndWelcomeBot of the samples, on TeamsActivityHandler): welcomes people, runs the main dialog on
/// every message with its state in ConversationState. StateFirstMiddleware saves that state once the whole turn has run
/// (middleware included) and only then sends the replies: a turn that two messages raced is run again, not lost nor
/// answered twice.
/// </summary>
public class ShopAdsSupportBot(ConversationState conversationState, MainDialog mainDialog, BotReplies replies, ConversationLanguage language) : TeamsActivityHandler
{
    private readonly IStatePropertyAccessor<DialogState> dialogState = conversationState.CreateProperty<DialogState>(nameof(DialogState));

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // In a team or group chat the message starts with "<at>ShopAdsBot</at>": an @mention never changes the answer.
        turnContext.Activity.RemoveRecipientMention();
        await language.ApplyAsync(turnContext, cancellationToken); // the seller's own language, before any reply
        try
        {
            await mainDialog.RunAsync(turnContext, dialogState, cancellationToken);
        }
        catch (JsonException)
        {
            // Stored dialog state this code cannot read (written by an older deploy): start afresh, and say so.
            await dialogState.DeleteAsync(turnContext, cancellationToken);
            await turnContext.SendActivitiesAsync(replies.Recovered(BotLanguage.Of(turnContext)), cancellationToken);
            return;
        }
        await TraceFlowAsync(turnContext, cancellationToken);
    }

    /// <summary>Web Chat, the Emulator and Teams (personal scope) announce new members: welcome each person once.</summary>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(replies.Welcome(BotLanguage.Of(turnContext)), cancellationToken);
        }
    }

    /// <summary>
    /// The SDK asks Teams (TeamsInfo.GetMemberAsync, an HTTP call) for the details of each person added without them.
    /// This bot only needs to know whether it was itself added, so it takes the accounts as they came: a person joining
    /// a team never costs a call that could fail the turn.
    /// </summary>
    protected override Task OnTeamsMembersAddedDispatchAsync(IList<ChannelAccount> membersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var members = membersAdded
            .Select(m => new TeamsChannelAccount { Id = m.Id, Name = m.Name, AadObjectId = m.AadObjectId, Role = m.Role })
            .ToList();
        return OnTeamsMembersAddedAsync(members, teamInfo, turnContext, cancellationToken);
    }

    /// <summary>
    /// In Teams: installed in personal scope, the bot itself is the member added, and the person gets the welcome.
    /// Added to a team or a group chat, it introduces itself once; people joining later are not messaged.
    /// </summary>
    protected override async Task OnTeamsMembersAddedAsync(IList<TeamsChannelAccount> teamsMembersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botAdded = teamsMembersAdded.Any(m => m.Id == turnContext.Activity.Recipient?.Id);
        var language = BotLanguage.Of(turnContext);
        if (!botAdded)
        {
            return;
        }
        if (ConversationScope.IsGroup(turnContext.Activity))
        {
            await turnContext.SendActivityAsync(replies.Text("teamIntro", language), cancellationToken);
        }
        else
        {
            await turnContext.SendActivityAsync(replies.Welcome(language), cancellationToken);
        }
    }

    /// <summary>On the Emulator, a "Flow" trace after every turn in which a flow is active.</summary>
    private async Task TraceFlowAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.ChannelId != Microsoft.Bot.Connector.Channels.Emulator)
        {
            return;
        }
        var dc = await new DialogSet(dialogState).Add(mainDialog).CreateContextAsync(turnContext, cancellationToken);
        if (dc.Child is { } inner && MainDialog.ActivePosition(inner) is { } position)
        {
            await EmulatorTrace.SendAsync(turnContext, "Flow", position.ToJson, cancellationToken);
        }
    }
}

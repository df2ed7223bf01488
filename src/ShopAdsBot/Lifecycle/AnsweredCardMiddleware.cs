using BotDialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Localization;
using ShopAdsBot.Middleware;
using ShopAdsBot.Cards;
using ShopAdsBot.Dialogs;
using ShopAdsBot.Dialogs.Input;
using ShopAdsBot.Recognition;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's

namespace ShopAdsBot.Lifecycle;

/// <summary>
/// Where the channel can update a sent message (Teams, the Emulator), a step's card that was answered by a click is
/// replaced (UpdateActivityAsync) by a compact card showing the question and the answer chosen, without buttons, so old
/// cards stop inviting clicks. The id of the last card with buttons is kept in the conversation's state; a click on
/// that card, once the turn has run, replaces it. A failed update (the message was deleted: ActivityNotFound) changes
/// nothing for the seller and is logged. Other channels keep the stale-click answer (Web Chat's page disables old cards).
/// </summary>
public sealed class AnsweredCardMiddleware(ConversationState conversationState, BotReplies replies, ILogger<AnsweredCardMiddleware> logger) : IMiddleware
{
    private readonly IStatePropertyAccessor<SentCard> lastCard = conversationState.CreateProperty<SentCard>(nameof(SentCard));

    public static bool CanUpdateMessages(string? channelId) => channelId is Microsoft.Bot.Connector.Channels.Msteams or Microsoft.Bot.Connector.Channels.Emulator;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (!CanUpdateMessages(turnContext.Activity.ChannelId) || turnContext.Activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken);
            return;
        }

        var answered = await lastCard.GetAsync(turnContext, () => new SentCard(), cancellationToken);
        var click = CardStamp.From(DialogInput.FromActivity(turnContext.Activity));
        // Once the replies are really sent (after the turn's state is saved): the channel has given the card its id.
        StateFirstMiddleware.OnRepliesSent(turnContext, async (context, activities, nextSend) =>
        {
            var responses = await nextSend();
            for (var i = 0; i < activities.Count && i < responses.Length; i++)
            {
                if (ButtonsOf(activities[i]) is { } stamp && responses[i]?.Id is { Length: > 0 } id)
                {
                    // Saved with the conversation state once the replies are sent (StateFirstMiddleware).
                    await lastCard.SetAsync(context, new SentCard { Id = id, Flow = stamp.Branch, Node = stamp.Node }, cancellationToken);
                }
            }
            return responses;
        });

        await next(cancellationToken);

        if (click is not null && answered.Id is { } cardId && click.Branch == answered.Flow && click.Node == answered.Node
            && replies.Answered(click, BotLanguage.Of(turnContext)) is { } compact)
        {
            compact.Id = cardId;
            await ReplaceAsync(turnContext, (Activity)compact, cancellationToken);
        }
    }

    private async Task ReplaceAsync(ITurnContext turnContext, Activity compact, CancellationToken cancellationToken)
    {
        try
        {
            await turnContext.UpdateActivityAsync(compact, cancellationToken);
        }
        catch (ErrorResponseException ex) when (ex.Body?.Error?.Code == "ActivityNotFound" || ex.Response?.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            logger.LogInformation("The answered card {ActivityId} of conversation {ConversationId} is gone (ActivityNotFound): not replaced", compact.Id, turnContext.Activity.Conversation?.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The seller has their answer already: a card left as it was is the only cost.
            logger.LogWarning(ex, "Could not replace the answered card {ActivityId} of conversation {ConversationId}", compact.Id, turnContext.Activity.Conversation?.Id);
        }
    }

    /// <summary>
    /// The flow and node a card's buttons are stamped with, for a sent message with a card that has Submit buttons:
    /// a node's card, or (Flow "menu", or empty) a menu or notice, which is not replaced but becomes the last card.
    /// </summary>
    private static CardStamp? ButtonsOf(Activity activity)
    {
        var submits = (activity.Attachments ?? [])
            .Where(a => a.ContentType == CardFactory.AdaptiveCardContentType)
            .Select(a => a.Content switch { JRaw text => JObject.Parse((string)text!), JObject card => card, _ => null }) // kept cards are their JSON text
            .SelectMany(card => card?.Descendants().OfType<JObject>() ?? [])
            .Where(o => (string?)o["type"] == "Action.Submit" && o["data"] is JObject)
            .Select(o => (JObject)o["data"]!)
            .ToList();
        if (submits.Count == 0)
        {
            return null;
        }
        var stamped = submits.FirstOrDefault(d => d["node"] is JValue && (string?)d["flow"] != CardFactory.MenuFlow);
        return new CardStamp((string?)stamped?["flow"] ?? "", (string?)stamped?["node"] ?? "", "");
    }

    /// <summary>The last card with buttons sent in the conversation: its activity id and the flow and node of its step.</summary>
    public sealed class SentCard
    {
        [JsonProperty("id")]
        public string? Id { get; set; }

        [JsonProperty("flow")]
        public string Flow { get; set; } = "";

        [JsonProperty("node")]
        public string Node { get; set; } = "";
    }
}

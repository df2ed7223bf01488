using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's

namespace ShopAdsBot.Lifecycle;

/// <summary>
/// Keeps the time of a conversation's last message in its state, and marks a typed message that comes after
/// <see cref="ConversationOptions.IdleTimeout"/>: the main dialog then asks "continue or start over?" instead of
/// carrying a seller who comes back the next day on from a step they have forgotten. Clicks are not marked: a button
/// pressed on the current card says where the seller is.
/// </summary>
public sealed class IdleConversationMiddleware(ConversationState conversationState, IOptions<ConversationOptions> options, TimeProvider clock) : IMiddleware
{
    private const string TurnStateKey = "ShopAdsBot.Lifecycle.ReturningAfterIdle";

    private readonly IStatePropertyAccessor<LastMessage> lastMessage = conversationState.CreateProperty<LastMessage>(nameof(LastMessage));

    /// <summary>Whether this turn is a typed message after a pause longer than the idle timeout.</summary>
    public static bool IsReturningAfterIdle(ITurnContext turnContext) => turnContext.TurnState.ContainsKey(TurnStateKey);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            var now = clock.GetUtcNow();
            var last = await lastMessage.GetAsync(turnContext, () => new LastMessage { At = now }, cancellationToken);
            if (now - last.At >= options.Value.IdleTimeout && turnContext.Activity.Value is null)
            {
                turnContext.TurnState[TurnStateKey] = true;
            }
            await lastMessage.SetAsync(turnContext, new LastMessage { At = now }, cancellationToken);
        }
        await next(cancellationToken);
    }

    public sealed class LastMessage
    {
        [JsonProperty("at")]
        public DateTimeOffset At { get; set; }
    }
}

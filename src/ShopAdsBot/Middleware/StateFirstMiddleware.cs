using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ShopAdsBot.Storage;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's

namespace ShopAdsBot.Middleware;

/// <summary>
/// Nothing is said before the turn's state is saved, the way BotBuilder-Samples' scale-out sample does it. The replies
/// of the rest of the pipeline (the conversation's middleware and the bot) are held; once the turn has run and
/// ConversationState is saved they go out, in order. When the save hits a <see cref="StorageConflictException"/> (another
/// turn of the same conversation saved first) the held replies are dropped and the rest of the pipeline runs again on
/// the fresh state, at most <see cref="MaxAttempts"/> times; after that the conflict goes to the adapter's error
/// handler, which asks the seller to send the message again. A failed turn never sends half its replies.
/// </summary>
/// <remarks>
/// Registered after the middleware that must see each activity once (telemetry, typing indicator, the channel's rules)
/// and before the ones that keep state. Those run once per attempt, and this middleware saves ConversationState once,
/// after the whole turn (like the SDK's AutoSaveStateMiddleware), so an attempt's changes are written together or not
/// at all. A handler that needs what only sending gives (the id the channel gave a card) registers with
/// <see cref="OnRepliesSent"/>; what it records is saved in a second, small write after sending.
/// </remarks>
public sealed class StateFirstMiddleware(ConversationState conversationState, ILogger<StateFirstMiddleware> logger) : IMiddleware
{
    /// <summary>Each conflict means another turn of the conversation was saved, so a few attempts are enough.</summary>
    public const int MaxAttempts = 4;

    private const string AttemptKey = "ShopAdsBot.StateFirst.Attempt";
    private const string HeldKey = "ShopAdsBot.StateFirst.Held";
    private const string RecordedKey = "ShopAdsBot.StateFirst.Recorded";
    private const string UnchangedKey = "ShopAdsBot.StateFirst.Unchanged";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var held = new List<HeldSend>();
        turnContext.TurnState[HeldKey] = held;
        var releasing = false;
        turnContext.OnSendActivities((context, activities, sendOn) =>
        {
            if (releasing)
            {
                return sendOn();
            }
            held.Add(new HeldSend(sendOn, activities)); // the rest of the send pipeline, run when the state is saved
            return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
        });

        for (var attempt = 1; ; attempt++)
        {
            turnContext.TurnState[AttemptKey] = attempt;
            held.Clear();
            try
            {
                if (attempt > 1)
                {
                    await conversationState.LoadAsync(turnContext, force: true, cancellationToken);
                }
                await next(cancellationToken);
                if (!Equals(turnContext.TurnState.Get<object>(UnchangedKey), attempt))
                {
                    await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
                }
                break;
            }
            catch (StorageConflictException conflict) when (attempt < MaxAttempts)
            {
                logger.LogInformation("Turn of conversation {ConversationId} conflicted on '{Key}' (attempt {Attempt}): running it again on the fresh state",
                    turnContext.Activity.Conversation?.Id, conflict.Key, attempt);
            }
            catch
            {
                releasing = true; // the error handler's apology goes out; this attempt's replies do not
                throw;
            }
        }

        releasing = true;
        foreach (var send in held)
        {
            await send.SendOn();
        }

        if (turnContext.TurnState.Get<object>(RecordedKey) is null)
        {
            return; // no OnRepliesSent handler ran: nothing to record (BotState would serialize the whole state to see it)
        }

        try
        {
            // What the sending recorded (the id the channel gave a card) is saved with the conversation.
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // A newer turn of the conversation saved first: its own record is the one that counts.
            logger.LogInformation("Conversation {ConversationId} moved on before the sent replies were recorded", turnContext.Activity.Conversation?.Id);
        }
    }

    /// <summary>
    /// Says that this attempt of the turn changes nothing of the conversation (an activity acknowledged without being
    /// run), so its state is not saved: BotState would serialize the whole state only to find that out.
    /// </summary>
    public static void NothingToSave(ITurnContext turnContext) => turnContext.TurnState[UnchangedKey] = turnContext.TurnState.Get<object>(AttemptKey);

    /// <summary>The replies this attempt of the turn has sent so far, held until its state is saved.</summary>
    public static IReadOnlyList<Activity> HeldReplies(ITurnContext turnContext) =>
        turnContext.TurnState.Get<List<HeldSend>>(HeldKey)?.SelectMany(send => send.Activities).ToList() ?? [];

    /// <summary>
    /// Runs <paramref name="handler"/> on the replies of this attempt of the turn when they are really sent (after the
    /// state is saved), never on those of an attempt that was dropped.
    /// </summary>
    public static void OnRepliesSent(ITurnContext turnContext, SendActivitiesHandler handler)
    {
        var attempt = turnContext.TurnState.Get<object>(AttemptKey);
        turnContext.OnSendActivities((context, activities, sendOn) =>
        {
            if (!Equals(context.TurnState.Get<object>(AttemptKey), attempt))
            {
                return sendOn();
            }
            context.TurnState[RecordedKey] = true;
            return handler(context, activities, sendOn);
        });
    }

    /// <summary>One held call to SendActivitiesAsync: the rest of its send pipeline, and the activities it sends.</summary>
    private sealed record HeldSend(Func<Task<ResourceResponse[]>> SendOn, IList<Activity> Activities);
}

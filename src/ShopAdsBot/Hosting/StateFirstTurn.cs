using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Runs a turn so that nothing is said before its state is saved, the way BotBuilder-Samples' scale-out sample does:
/// each attempt runs on its own TurnContext whose replies are held; when the attempt has saved its state the replies
/// are sent through the real context (its middleware and channel). When the save hits a
/// <see cref="StorageConflictException"/> (another turn of the conversation saved first) the held replies are dropped
/// and the turn runs again on the fresh state; after <see cref="MaxAttempts"/> the conflict goes to the adapter's
/// error handler, which asks the seller to send the message again. A failed turn never sends half its replies.
/// </summary>
public sealed class StateFirstTurn(ILogger<StateFirstTurn> logger)
{
    /// <summary>Each conflict means another turn of the conversation was saved, so a few attempts are enough.</summary>
    public const int MaxAttempts = 4;

    /// <param name="turn">Runs the bot on the given context and saves its state; may run more than once.</param>
    public async Task RunAsync(ITurnContext turnContext, Func<ITurnContext, CancellationToken, Task> turn, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var held = new HeldRepliesAdapter(turnContext);
            var attemptContext = held.CreateAttemptContext();
            try
            {
                await turn(attemptContext, cancellationToken);
            }
            catch (StorageConflictException conflict) when (attempt < MaxAttempts)
            {
                logger.LogInformation("Turn of conversation {ConversationId} conflicted on '{Key}' (attempt {Attempt}): running it again on the fresh state",
                    turnContext.Activity.Conversation?.Id, conflict.Key, attempt);
                continue;
            }

            var replies = held.Replies.Concat(attemptContext.BufferedReplyActivities).ToArray();
            if (replies.Length > 0)
            {
                await turnContext.SendActivitiesAsync(replies, cancellationToken);
            }
            return;
        }
    }

    /// <summary>Keeps what an attempt sends; card updates and deletions go straight to the real context.</summary>
    private sealed class HeldRepliesAdapter(ITurnContext real) : BotAdapter
    {
        public List<Activity> Replies { get; } = [];

        /// <summary>A context for one attempt: the real one's services (identity, connector...) but no cached state.</summary>
        public TurnContext CreateAttemptContext()
        {
            var context = new TurnContext(this, real.Activity);
            foreach (var (key, value) in real.TurnState)
            {
                context.TurnState[key] = value;
            }
            return context;
        }

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            Replies.AddRange(activities);
            return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
        }

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            real.UpdateActivityAsync(activity, cancellationToken);

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            real.DeleteActivityAsync(reference, cancellationToken);
    }
}

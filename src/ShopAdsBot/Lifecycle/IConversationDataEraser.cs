using Microsoft.Bot.Builder;

namespace ShopAdsBot.Lifecycle;

/// <summary>
/// One place that keeps data about a conversation and can erase it (« effacer mes données »). Every registered eraser
/// runs: the conversation and user state (<see cref="BotStateEraser"/>), and any other store that links data to the
/// conversation (e.g. insights events by the conversation's hashed id).
/// </summary>
public interface IConversationDataEraser
{
    /// <summary>Erases what this store keeps about the conversation (and its user) of this turn.</summary>
    Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

/// <summary>
/// Deletes the conversation's ConversationState through IStorage, so whichever provider is configured (SQLite, memory,
/// Azure blobs) forgets it, and the turn's cached copy too, so nothing writes it back. The bot keeps no UserState, but
/// the user key UserState would use is deleted as well, in case an earlier version stored something there.
/// </summary>
public sealed class BotStateEraser(ConversationState conversationState, IStorage storage) : IConversationDataEraser
{
    public async Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await conversationState.DeleteAsync(turnContext, cancellationToken);
        var activity = turnContext.Activity;
        await storage.DeleteAsync([$"{activity.ChannelId}/users/{activity.From.Id}"], cancellationToken);
    }
}

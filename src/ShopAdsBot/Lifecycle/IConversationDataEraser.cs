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
/// Deletes the conversation's ConversationState and the user's UserState through IStorage, so whichever provider is
/// configured (memory, Azure blobs…) forgets them; the turn's cached copies go too, so nothing writes them back.
/// </summary>
public sealed class BotStateEraser(ConversationState conversationState, UserState userState) : IConversationDataEraser
{
    public async Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await conversationState.DeleteAsync(turnContext, cancellationToken);
        await userState.DeleteAsync(turnContext, cancellationToken);
    }
}

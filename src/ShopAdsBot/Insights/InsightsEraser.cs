using Microsoft.Bot.Builder;
using ShopAdsBot.Lifecycle;

namespace ShopAdsBot.Insights;

/// <summary>
/// « Effacer mes données »: deletes the insights events recorded for this conversation, found by its salted hash (the
/// only way events are linked to a conversation). Events of earlier turns may still be in the queue: the eraser first
/// waits until the writer has stored every event queued so far, otherwise they would be written after the deletion.
/// The erasing turn itself records no event of the vocabulary.
/// </summary>
public sealed class InsightsEraser(SqliteInsightsStore store, InsightsQueue queue, Lazy<ConversationHasher> hasher) : IConversationDataEraser
{
    public async Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await queue.WhenWrittenAsync().WaitAsync(cancellationToken);
        await store.DeleteConversationAsync(hasher.Value.Hash(turnContext.Activity.Conversation.Id), cancellationToken);
    }
}

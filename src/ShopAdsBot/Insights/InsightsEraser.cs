using Microsoft.Bot.Builder;
using ShopAdsBot.Lifecycle;

namespace ShopAdsBot.Insights;

/// <summary>
/// « Effacer mes données »: deletes the insights events recorded for this conversation, found by its salted hash (the
/// only way events are linked to a conversation). Events of the erasing turn itself that are still in the queue are
/// written afterwards; they carry no text and no user id.
/// </summary>
public sealed class InsightsEraser(SqliteInsightsStore store, Lazy<ConversationHasher> hasher) : IConversationDataEraser
{
    public async Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await store.DeleteConversationAsync(hasher.Value.Hash(turnContext.Activity.Conversation.Id), cancellationToken);
}

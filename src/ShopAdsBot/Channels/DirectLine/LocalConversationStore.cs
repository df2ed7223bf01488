using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ShopAdsBot.Channels.DirectLine;

/// <summary>
/// The local Direct Line's conversations, in memory and bounded: a conversation expires when left untouched, and when the
/// store is full the least recently used one is forgotten to make room.
/// </summary>
public sealed class LocalConversationStore(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, LocalConversation> _conversations = new(StringComparer.Ordinal);
    private readonly object _evictionGate = new();

    public int Count => _conversations.Count;

    /// <summary>The conversation, or a new one when it does not exist (or expired): a valid token may outlive its conversation.</summary>
    public LocalConversation GetOrCreate(string conversationId, string userId)
    {
        if (TryGet(conversationId, out var existing) && existing.UserId == userId)
        {
            return existing;
        }

        MakeRoom();
        var created = new LocalConversation(conversationId, userId, Math.Max(1, options.Value.MaxActivitiesPerConversation));
        created.Touch(clock.GetUtcNow());
        _conversations[conversationId] = created;
        return created;
    }

    /// <summary>Finds a live conversation and marks it used; an expired one is removed and not found.</summary>
    public bool TryGet(string conversationId, out LocalConversation conversation)
    {
        var now = clock.GetUtcNow();
        if (_conversations.TryGetValue(conversationId, out conversation!))
        {
            if (now - conversation.LastTouched < options.Value.ConversationExpiry)
            {
                conversation.Touch(now);
                return true;
            }

            _conversations.TryRemove(conversationId, out _);
        }

        conversation = null!;
        return false;
    }

    private void MakeRoom()
    {
        var max = Math.Max(1, options.Value.MaxConversations);
        if (_conversations.Count < max)
        {
            return;
        }

        lock (_evictionGate)
        {
            var now = clock.GetUtcNow();
            foreach (var (id, conversation) in _conversations)
            {
                if (now - conversation.LastTouched >= options.Value.ConversationExpiry)
                {
                    _conversations.TryRemove(id, out _);
                }
            }

            while (_conversations.Count >= max)
            {
                var oldest = _conversations.Values.MinBy(c => c.LastTouched);
                if (oldest is null)
                {
                    break;
                }

                _conversations.TryRemove(oldest.Id, out _);
            }
        }
    }
}

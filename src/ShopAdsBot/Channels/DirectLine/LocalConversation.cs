using System.Text;

namespace ShopAdsBot.Channels.DirectLine;

/// <summary>
/// One local Direct Line conversation: its activities as the client will read them (JSON, numbered by watermark),
/// a lock that keeps the bot's turns in order, and the post counter of its rate limit.
/// </summary>
public sealed class LocalConversation(string id, string userId, int maxActivities)
{
    private readonly object _gate = new();
    private readonly LinkedList<(long Sequence, string Json)> _activities = new();
    private long _nextSequence;
    private DateTimeOffset _windowStart;
    private int _postsInWindow;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    /// <summary>Serialises the bot's turns for this conversation so ConversationState is never raced.</summary>
    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    /// <summary>Set once the conversationUpdate that greets the user has been sent.</summary>
    public bool Started { get; set; }

    public DateTimeOffset LastTouched { get; private set; }

    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            LastTouched = now;
        }
    }

    /// <summary>The next activity id; ids follow Azure's "conversationId|0000001" shape.</summary>
    public long ReserveSequence()
    {
        lock (_gate)
        {
            return _nextSequence++;
        }
    }

    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    /// <summary>Adds an activity (already serialised); the oldest are dropped past the bound.</summary>
    public void Append(long sequence, string json)
    {
        lock (_gate)
        {
            // Keep the list ordered by sequence even when two turns finish out of order.
            var node = _activities.Last;
            while (node is not null && node.Value.Sequence > sequence)
            {
                node = node.Previous;
            }

            if (node is null)
            {
                _activities.AddFirst((sequence, json));
            }
            else
            {
                _activities.AddAfter(node, (sequence, json));
            }

            while (_activities.Count > maxActivities)
            {
                _activities.RemoveFirst();
            }
        }
    }

    /// <summary>The Direct Line ActivitySet after a watermark: {"activities":[...],"watermark":"N"}.</summary>
    public string ActivitySetJson(long afterWatermark)
    {
        var json = new StringBuilder("{\"activities\":[");
        long watermark = afterWatermark;
        lock (_gate)
        {
            var first = true;
            foreach (var (sequence, activity) in _activities)
            {
                if (sequence < afterWatermark)
                {
                    continue;
                }

                if (!first)
                {
                    json.Append(',');
                }

                json.Append(activity);
                first = false;
                watermark = sequence + 1;
            }
        }

        return json.Append("],\"watermark\":\"").Append(watermark).Append("\"}").ToString();
    }

    /// <summary>Fixed-window rate limit: false when this post is one too many; retryAfter says when the window ends.</summary>
    public bool TryCountPost(DateTimeOffset now, int maxPosts, TimeSpan window, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            if (now - _windowStart >= window)
            {
                _windowStart = now;
                _postsInWindow = 0;
            }

            retryAfter = _windowStart + window - now;
            if (_postsInWindow >= maxPosts)
            {
                return false;
            }

            _postsInWindow++;
            return true;
        }
    }
}

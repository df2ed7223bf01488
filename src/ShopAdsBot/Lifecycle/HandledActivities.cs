using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Lifecycle;

/// <summary>
/// The activities of one conversation already run, kept in its ConversationState (so every instance of the app sees
/// them): their ids, when they came, and, when they came with expectReplies, the replies they got.
/// </summary>
public sealed class HandledActivities
{
    /// <summary>Bounds the record whatever the window: a conversation rarely gets this many messages in ten minutes.</summary>
    public const int MaxEntries = 30;

    /// <summary>
    /// Replies are kept for the latest activities only (a channel redelivers the message it is waiting on, within
    /// seconds), so the state read and written every turn stays small: an older one is acknowledged without replies.
    /// </summary>
    public const int EntriesWithReplies = 3;

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });

    [JsonProperty("entries")]
    public List<HandledActivity> Entries { get; set; } = [];

    public HandledActivity? Find(string activityId) => Entries.Find(e => e.Id == activityId);

    /// <summary>Forgets what came before the window, then records this activity.</summary>
    public HandledActivity Add(string activityId, DateTimeOffset now, TimeSpan window)
    {
        Entries.RemoveAll(e => e.At <= now - window);
        if (Entries.Count >= MaxEntries)
        {
            Entries.RemoveRange(0, Entries.Count - MaxEntries + 1);
        }
        foreach (var older in Entries.Take(Entries.Count - (EntriesWithReplies - 1)))
        {
            older.Replies = null;
        }
        var entry = new HandledActivity { Id = activityId, At = now };
        Entries.Add(entry);
        return entry;
    }

    public static JObject Store(Activity activity) => JObject.FromObject(activity, Serializer);

    public static Activity Restore(JObject stored) => stored.ToObject<Activity>(Serializer)!;
}

public sealed class HandledActivity
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("at")]
    public DateTimeOffset At { get; set; }

    /// <summary>The replies sent in the HTTP answer (expectReplies only: other replies went to the channel already).</summary>
    [JsonProperty("replies", NullValueHandling = NullValueHandling.Ignore)]
    public List<JObject>? Replies { get; set; }
}

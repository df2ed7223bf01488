using Newtonsoft.Json;

namespace ShopAdsBot.Lifecycle;

/// <summary>
/// The activities of one conversation already run, kept in its ConversationState (so every instance of the app sees
/// them): their ids, when they came, and, when they came with expectReplies, which slot of <see cref="ReplyCopies"/>
/// holds the replies they got.
/// </summary>
public sealed class HandledActivities
{
    /// <summary>Bounds the record whatever the window: a conversation rarely gets this many messages in ten minutes.</summary>
    public const int MaxEntries = 30;

    // No "$type" on the list nor per entry (the storages write one on every object): the declared types say what they are.
    [JsonProperty("entries", TypeNameHandling = TypeNameHandling.None, ItemTypeNameHandling = TypeNameHandling.None)]
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
        var entry = new HandledActivity { Id = activityId, At = now };
        Entries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Gives <paramref name="entry"/> the copy slot after the latest one used (so the one used longest ago); the
    /// activity that held it loses its copy.
    /// </summary>
    public int TakeSlot(HandledActivity entry, int slots)
    {
        var latest = Entries.LastOrDefault(e => e != entry && e.Slot is not null)?.Slot;
        var slot = latest is int used ? (used + 1) % slots : 0;
        foreach (var other in Entries.Where(e => e.Slot == slot))
        {
            other.Slot = null;
        }
        entry.Slot = slot;
        return slot;
    }
}

public sealed class HandledActivity
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("at")]
    public DateTimeOffset At { get; set; }

    /// <summary>
    /// The slot of <see cref="ReplyCopies"/> that holds the replies sent in the HTTP answer (expectReplies only: other
    /// replies went to the channel already); null when there were none, or when a later activity took the slot.
    /// (State written before kept the replies themselves, under "replies", then compressed under "sent": those
    /// properties are ignored, so such an activity delivered again is acknowledged without replies.)
    /// </summary>
    [JsonProperty("slot", NullValueHandling = NullValueHandling.Ignore)]
    public int? Slot { get; set; }
}

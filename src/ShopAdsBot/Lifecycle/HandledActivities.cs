using System.IO.Compression;
using System.Reflection;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

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

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new CardsAsTheyAre(),
    });

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
        foreach (var older in Entries.Take(Entries.Count - (EntriesWithReplies - 1)))
        {
            older.Replies = null;
        }
        var entry = new HandledActivity { Id = activityId, At = now };
        Entries.Add(entry);
        return entry;
    }

    /// <summary>
    /// A turn's replies as kept for a redelivery: their JSON, Brotli-compressed, as base64; null when there were none.
    /// The copy is read back only when the activity comes again, while the conversation's state is read, hashed and
    /// written on every turn: compressed, the cards in it cost a few hundred bytes instead of kilobytes, and one string
    /// instead of a tree of JSON objects.
    /// </summary>
    public static string? Store(IReadOnlyList<Activity> replies)
    {
        if (replies.Count == 0)
        {
            return null;
        }

        // Quality 2: within 10 % of the default quality's size (4) for a fraction of its time.
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, new BrotliCompressionOptions { Quality = 2 }, leaveOpen: true))
        using (var writer = new StreamWriter(brotli, Utf8))
        {
            Serializer.Serialize(writer, replies);
        }
        return Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length);
    }

    public static Activity[] Restore(string stored)
    {
        using var brotli = new BrotliStream(new MemoryStream(Convert.FromBase64String(stored)), CompressionMode.Decompress);
        using var reader = new JsonTextReader(new StreamReader(brotli, Utf8));
        return Serializer.Deserialize<Activity[]>(reader)!;
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes and reads an attachment's content as plain JSON. The Bot Schema marks <see cref="Attachment.Content"/> with
    /// a converter that looks for MemoryStreams: it walks the whole card and copies it into a new JSON tree before
    /// writing it, a fifth of a turn's allocations for this bot's cards. The replies kept here are cards built from
    /// the content (JSON objects), never streams.
    /// </summary>
    private sealed class CardsAsTheyAre : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (member.DeclaringType == typeof(Attachment) && member.Name == nameof(Attachment.Content))
            {
                property.Converter = null;
            }
            return property;
        }
    }
}

public sealed class HandledActivity
{
    [JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonProperty("at")]
    public DateTimeOffset At { get; set; }

    /// <summary>
    /// The replies sent in the HTTP answer (expectReplies only: other replies went to the channel already), as
    /// <see cref="HandledActivities.Store"/> keeps them. (State written before kept them uncompressed under "replies":
    /// that property is ignored, so such an activity delivered again is acknowledged without replies.)
    /// </summary>
    [JsonProperty("sent", NullValueHandling = NullValueHandling.Ignore)]
    public string? Replies { get; set; }
}

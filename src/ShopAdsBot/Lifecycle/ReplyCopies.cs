using System.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Lifecycle;

/// <summary>
/// The replies an activity got under expectReplies, kept so that the same activity delivered again gets the same
/// answer. They are kept beside the conversation's state, in <see cref="Slots"/> storage items used in turn, not in
/// it: ConversationState is read, hashed twice and written on every turn, while a copy is written once and read only
/// when its activity comes again. Each reply is kept as the JSON of its first answer and written back as it is.
/// </summary>
public sealed class ReplyCopies(IStorage storage) : IConversationDataEraser
{
    /// <summary>
    /// Copies are kept for the latest activities only: a channel redelivers the message it is waiting on, within
    /// seconds. An older activity delivered again is acknowledged without replies.
    /// </summary>
    public const int Slots = 3;

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new CardsAsTheyAre(),
    });

    /// <summary>Keeps the replies of this turn's activity in <paramref name="slot"/>, in place of what it held.</summary>
    public Task SaveAsync(ITurnContext turnContext, int slot, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        var copy = new ReplyCopy { ActivityId = turnContext.Activity.Id, Replies = replies.Select(reply => JsonCharPool.Serialize(Serializer, reply)).ToList() };
        return storage.WriteAsync(new Dictionary<string, object> { [Key(turnContext.Activity, slot)] = copy }, cancellationToken);
    }

    /// <summary>The replies kept for this turn's activity in <paramref name="slot"/>; none when the slot moved on to another activity.</summary>
    public async Task<IReadOnlyList<Activity>> ReadAsync(ITurnContext turnContext, int slot, CancellationToken cancellationToken)
    {
        var key = Key(turnContext.Activity, slot);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item) && item is ReplyCopy copy && copy.ActivityId == turnContext.Activity.Id
            ? copy.Replies.Select(json => new SentReply(json)).ToList()
            : [];
    }

    public Task EraseAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        storage.DeleteAsync([.. Enumerable.Range(0, Slots).Select(slot => Key(turnContext.Activity, slot))], cancellationToken);

    private static string Key(Activity activity, int slot) => Key(activity.ChannelId, activity.Conversation.Id, slot);

    /// <summary>The storage key of a conversation's copy slot (beside its state, <c>{channel}/conversations/{id}</c>).</summary>
    public static string Key(string channelId, string conversationId, int slot) => $"{channelId}/conversations/{conversationId}/replies/{slot}";

    /// <summary>
    /// Writes an attachment's content as plain JSON. The Bot Schema marks <see cref="Attachment.Content"/> with a
    /// converter that looks for MemoryStreams: it walks the whole card and copies it into a new JSON tree before writing
    /// it. The replies kept here are cards built from the content (JSON objects), never streams.
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

/// <summary>One slot of <see cref="ReplyCopies"/>: the activity whose replies it holds, and their JSON.</summary>
public sealed class ReplyCopy : IStoreItem
{
    [JsonProperty("activityId")]
    public string ActivityId { get; set; } = "";

    // No "$type" on the list (the storages write one on every object): its declared type says what it is.
    [JsonProperty("replies", TypeNameHandling = TypeNameHandling.None)]
    public List<string> Replies { get; set; } = [];

    /// <summary>"*": a slot is overwritten by the latest activity, whatever it held.</summary>
    [JsonIgnore]
    public string ETag { get; set; } = "*";
}

/// <summary>
/// A reply as the JSON it was first answered with. A redelivered activity's answer is made of these: the Bot Schema's
/// serializer writes each as it is, without reading the card back into objects to write it again.
/// </summary>
[JsonConverter(typeof(AsFirstSent))]
public sealed class SentReply(string json) : Activity
{
    public string Json { get; } = json;

    private sealed class AsFirstSent : JsonConverter
    {
        public override bool CanRead => false;

        public override bool CanConvert(Type objectType) => objectType == typeof(SentReply);

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => writer.WriteRawValue(((SentReply)value!).Json);

        public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            throw new NotSupportedException("A sent reply is only written.");
    }
}

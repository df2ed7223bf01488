using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Transcripts;

/// <summary>
/// Plays the user side of a transcript through the real bot on the "emulator" channel (traces included) and writes the
/// replies as the Emulator saves them. Ids, timestamps and addresses are derived from the user activity they answer,
/// so re-recording an unchanged conversation gives an identical file and a diff shows only what the bot says differently.
/// </summary>
public static class TranscriptPlayer
{
    public const string ServiceUrl = "http://localhost:58000";
    public const string BotId = "5e4f3b2a-bot";
    public const string UserId = "9c8d7e6f-user";
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
    };

    /// <summary>The fields of a bot reply that say what the seller sees; everything else is the channel's business.</summary>
    private static readonly string[] ReplyFields = ["type", "text", "attachmentLayout", "attachments", "inputHint", "name", "label", "valueType", "value"];

    /// <summary>Sends every user activity of the transcript and returns each (user activity in full form, bot replies).</summary>
    public static async Task<IReadOnlyList<(JObject User, IReadOnlyList<JObject> Replies)>> PlayAsync(Transcript transcript)
    {
        var locale = transcript.Locale;
        var conversationId = $"transcript-{transcript.Name}";
        var client = new BotTestClient(locale, "emulator");
        var turns = new List<(JObject, IReadOnlyList<JObject>)>();
        var index = 0;
        foreach (var (recorded, _) in transcript.Turns())
        {
            var user = UserActivity(recorded, index++, locale, conversationId);
            var replies = (string?)user["type"] == ActivityTypes.ConversationUpdate
                ? await client.ConversationStartAsync()
                : await client.SendAsync(ToActivity(client, user));
            turns.Add((user, replies.Select((r, i) => BotReply(r, user, i, conversationId)).ToList()));
        }
        return turns;
    }

    /// <summary>A user activity in the Emulator's full form; hand-written ones may give only type, text or value (and locale).</summary>
    public static JObject UserActivity(JObject recorded, int index, string locale, string conversationId)
    {
        var user = (JObject)recorded.DeepClone();
        var time = Start.AddMinutes(index);
        user["type"] ??= ActivityTypes.Message;
        user["id"] ??= $"{conversationId}-u{index:D2}";
        user["timestamp"] ??= time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        user["localTimestamp"] ??= time.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        user["channelId"] ??= "emulator";
        user["serviceUrl"] ??= ServiceUrl;
        user["from"] = new JObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" };
        user["conversation"] ??= new JObject { ["id"] = conversationId };
        user["recipient"] ??= new JObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" };
        user["locale"] ??= locale;
        if ((string?)user["type"] == ActivityTypes.ConversationUpdate)
        {
            user["membersAdded"] ??= new JArray(new JObject { ["id"] = BotId, ["name"] = "Bot" }, new JObject { ["id"] = UserId, ["name"] = "User" });
        }
        else if (user["text"] != null)
        {
            user["textFormat"] ??= "plain";
        }
        return user;
    }

    private static Activity ToActivity(BotTestClient client, JObject user)
    {
        var activity = client.MakeActivity((string?)user["text"]);
        activity.Type = (string?)user["type"] ?? ActivityTypes.Message;
        activity.Value = user["value"]?.DeepClone();
        activity.Locale = (string?)user["locale"];
        return activity;
    }

    private static JObject BotReply(Activity reply, JObject user, int index, string conversationId)
    {
        // As the channel receives it: written to JSON and read back, so a card the app keeps as its JSON text (JRaw) reads as the card it is.
        using var written = new JsonTextReader(new StringReader(JsonConvert.SerializeObject(reply, Settings))) { DateParseHandling = DateParseHandling.None };
        var seen = JObject.Load(written);
        var time = DateTimeOffset.Parse((string)user["timestamp"]!, CultureInfo.InvariantCulture).AddMilliseconds(100 * (index + 1));
        var activity = new JObject
        {
            ["type"] = seen["type"],
            ["id"] = $"{user["id"]}-r{index}",
            ["timestamp"] = time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["channelId"] = "emulator",
            ["serviceUrl"] = user["serviceUrl"],
            ["from"] = new JObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = conversationId },
            ["recipient"] = new JObject { ["id"] = UserId, ["role"] = "user" },
            ["locale"] = user["locale"],
            ["replyToId"] = user["id"],
        };
        foreach (var field in ReplyFields.Skip(1))
        {
            if (seen[field] is { Type: not JTokenType.Null } value && !(value is JArray { Count: 0 }))
            {
                activity[field] = value;
            }
        }
        return activity;
    }
}

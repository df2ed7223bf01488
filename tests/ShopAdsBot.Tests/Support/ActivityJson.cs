using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Support;

/// <summary>Bot Framework activities as channels send them over HTTP (JSON), for tests against the real host.</summary>
public static class ActivityJson
{
    public static JObject Message(string text, string locale = "fr-FR", string serviceUrl = "http://127.0.0.1:1", string? deliveryMode = null, string channelId = "emulator", string? conversationId = null) =>
        Base("message", locale, serviceUrl, deliveryMode, channelId, conversationId, new JObject { ["text"] = text });

    public static JObject ConversationUpdate(string locale = "fr-FR", string serviceUrl = "http://127.0.0.1:1", string? deliveryMode = null, string channelId = "emulator", string? conversationId = null) =>
        Base("conversationUpdate", locale, serviceUrl, deliveryMode, channelId, conversationId, new JObject
        {
            ["membersAdded"] = new JArray(
                new JObject { ["id"] = "bot-id", ["name"] = "ShopAdsBot" },
                new JObject { ["id"] = "user-1", ["name"] = "Vendeur" }),
        });

    /// <summary>Without a conversation id, each activity starts a conversation of its own: tests sharing a host never share state.</summary>
    private static JObject Base(string type, string locale, string serviceUrl, string? deliveryMode, string channelId, string? conversationId, JObject extra)
    {
        conversationId ??= "conv-" + Guid.NewGuid().ToString("N");
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["locale"] = locale,
            ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Vendeur", ["role"] = "user" },
            ["recipient"] = new JObject { ["id"] = "bot-id", ["name"] = "ShopAdsBot", ["role"] = "bot" },
            ["conversation"] = new JObject { ["id"] = conversationId },
        };
        if (deliveryMode != null)
        {
            activity["deliveryMode"] = deliveryMode;
        }
        activity.Merge(extra);
        return activity;
    }
}

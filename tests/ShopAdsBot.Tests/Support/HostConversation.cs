using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Support;

/// <summary>One conversation with the real host over HTTP (expectReplies), as the Emulator would have it.</summary>
public sealed class HostConversation(BotHost host, string id, string locale = "fr-FR")
{
    public string Id => id;

    public Task<JArray> SayAsync(string text) => host.ExpectRepliesAsync(ActivityJson.Message(text, locale, conversationId: id));

    /// <summary>A click on an Adaptive Card Action.Submit: a message with the button's data as value and no text.</summary>
    public Task<JArray> ClickAsync(JObject data)
    {
        var activity = ActivityJson.Message("", locale, conversationId: id);
        activity.Remove("text");
        activity["value"] = data;
        return host.ExpectRepliesAsync(activity);
    }

    /// <summary>The data of the card's button whose choice is the given id.</summary>
    public static JObject Button(JObject card, string choice) =>
        (JObject)card.SelectTokens("$..data").First(d => (string?)d["choice"] == choice)!;

    public static JObject LastCard(JArray replies) =>
        (JObject)replies.SelectMany(r => r["attachments"] ?? new JArray())
            .Last(a => (string?)a["contentType"] == Cards.AdaptiveCard)["content"]!;
}

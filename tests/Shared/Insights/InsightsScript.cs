using System.Text;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Insights;

/// <summary>
/// A scripted set of conversations, posted over HTTP to the real host's /api/messages (expectReplies), whose Insights
/// figures are known by hand: four conversations (2 Web Chat, 2 Emulator; 2 French, 2 English), four branches started
/// (menu, typed text, suggestion), yes and no ratings, one escalation, two messages not understood, one suggestion.
/// Used by the API test (exact figures) and by the browser test of the /insights page.
/// </summary>
public sealed class InsightsScript(HttpClient client)
{
    /// <summary>Typed in English, not about ads: not understood, with an e-mail address and a phone number to mask.</summary>
    public const string OffTopic = "What is the weather in Paris? Mail me at jane.doe@example.com or call +33 6 12 34 56 78";

    public const string OffTopicMasked = "What is the weather in Paris? Mail me at [e-mail] or call [phone]";

    /// <summary>A vague word: « Vouliez-vous dire… ? » (a suggestion offered, and not understood).</summary>
    public const string Vague = "campaign";

    /// <summary>The branch the seller took from the suggestions (the first one the bot showed).</summary>
    public string SuggestionTaken { get; private set; } = "";

    public async Task RunAsync()
    {
        // 1. Web Chat, French: the welcome (no message yet: not a conversation started), then the menu, a remedy that helps.
        var c1 = new Conversation(client, "insights-c1", "webchat", "fr-FR");
        await c1.JoinAsync();
        await c1.ClickAsync("menu", "menu", "connect-shop");
        await c1.ClickAsync("connect-shop", "ask-has-shop", "no-shop");
        await c1.ClickAsync("connect-shop", "create-shop", "yes");

        // 2. Emulator, French: typed text routed to a branch; three remedies fail; escalated to support.
        var c2 = new Conversation(client, "insights-c2", "emulator", "fr-FR");
        await c2.SayAsync("l'onglet annonces n'apparait pas");
        await c2.ClickAsync("ads-tab-missing", "ask-situation", "us-shop");
        await c2.ClickAsync("ads-tab-missing", "us-menu-path", "no");
        await c2.ClickAsync("ads-tab-missing", "check-permission", "no");
        await c2.ClickAsync("ads-tab-missing", "clear-cache", "no");

        // 3. Web Chat, English: the menu; the first remedy fails, the second helps.
        var c3 = new Conversation(client, "insights-c3", "webchat", "en-US");
        await c3.ClickAsync("menu", "menu", "create-ad");
        await c3.ClickAsync("create-ad", "ask-goal", "products");
        await c3.ClickAsync("create-ad", "product-gmv-max", "no");
        await c3.ClickAsync("create-ad", "gmv-max-account", "yes");

        // 4. Emulator, English: off-topic text, then a vague word, then the first suggestion taken.
        var c4 = new Conversation(client, "insights-c4", "emulator", "en-US");
        await c4.SayAsync(OffTopic);
        var suggestions = await c4.SayAsync(Vague);
        SuggestionTaken = FirstSuggestion(suggestions)
            ?? throw new InvalidOperationException($"'{Vague}' brought no suggestions: {suggestions}");
        await c4.ClickAsync("menu", "menu", SuggestionTaken);
    }

    /// <summary>The branch of the first button of the « Vouliez-vous dire… ? » card, as the seller sees it.</summary>
    private static string? FirstSuggestion(JArray replies) =>
        replies.SelectMany(r => r["attachments"] as JArray ?? [])
            .SelectMany(a => (a["content"] as JContainer)?.Descendants().OfType<JObject>() ?? [])
            .Where(o => (string?)o["type"] == "Action.Submit" && (string?)o["data"]?["flow"] == "menu")
            .Select(o => (string?)o["data"]!["choice"])
            .FirstOrDefault();

    private sealed class Conversation(HttpClient client, string id, string channel, string locale)
    {
        public Task JoinAsync() => PostAsync(new JObject
        {
            ["type"] = "conversationUpdate",
            ["membersAdded"] = new JArray(new JObject { ["id"] = "bot-id" }, new JObject { ["id"] = "user-" + id, ["name"] = "Vendeur" }),
        });

        public Task<JArray> SayAsync(string text) => PostAsync(new JObject { ["type"] = "message", ["text"] = text });

        public Task<JArray> ClickAsync(string flow, string node, string choice) => PostAsync(new JObject
        {
            ["type"] = "message",
            ["value"] = new JObject { ["flow"] = flow, ["node"] = node, ["choice"] = choice },
        });

        private async Task<JArray> PostAsync(JObject activity)
        {
            activity["id"] = Guid.NewGuid().ToString("N");
            activity["channelId"] = channel;
            activity["serviceUrl"] = "http://127.0.0.1:1";
            activity["locale"] = locale;
            activity["deliveryMode"] = "expectReplies";
            activity["from"] = new JObject { ["id"] = "user-" + id, ["name"] = "Vendeur " + id, ["role"] = "user" };
            activity["recipient"] = new JObject { ["id"] = "bot-id", ["name"] = "ShopAdsBot", ["role"] = "bot" };
            activity["conversation"] = new JObject { ["id"] = id };
            var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} for {activity}: {body}");
            }
            return body.Length == 0 ? [] : (JArray?)JObject.Parse(body)["activities"] ?? [];
        }
    }
}

using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Support;

/// <summary>Reads what a seller sees in the replies: Adaptive Cards, their texts, buttons and links.</summary>
public static class Cards
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    public static IEnumerable<JObject> AdaptiveCards(this IEnumerable<Activity> replies) =>
        replies.Where(r => r.Type == ActivityTypes.Message)
            .SelectMany(r => r.Attachments ?? [])
            .Where(a => a.ContentType == AdaptiveCard)
            .Select(a => a.Content switch { JObject card => card, JRaw text => JObject.Parse((string)text!), _ => JObject.FromObject(a.Content) }); // the app keeps most cards as their JSON text

    public static JObject SingleCard(this IEnumerable<Activity> replies) => Assert.Single(replies.AdaptiveCards());

    public static JObject LastCard(this IEnumerable<Activity> replies) => replies.AdaptiveCards().Last();

    /// <summary>Every action of the card, wherever it is (card actions, ActionSets, ShowCard sub-cards).</summary>
    public static IEnumerable<JObject> Actions(this JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    public static IEnumerable<JObject> SubmitActions(this JObject card) => card.Actions().Where(a => (string?)a["type"] == "Action.Submit");

    public static IEnumerable<string> OpenUrls(this JObject card) =>
        card.Actions().Where(a => (string?)a["type"] == "Action.OpenUrl").Select(a => (string)a["url"]!);

    /// <summary>The data of the Submit button stamped with this choice (and node, when given).</summary>
    public static JObject Button(this JObject card, string choice, string? node = null) =>
        (JObject)card.SubmitActions()
            .Select(a => a["data"] as JObject)
            .First(d => d != null && (string?)d["choice"] == choice && (node == null || (string?)d["node"] == node))!;

    public static JObject CommandButton(this JObject card, string command) =>
        (JObject)card.SubmitActions().Select(a => a["data"] as JObject).First(d => d != null && (string?)d["command"] == command)!;

    /// <summary>All the visible text of a card (TextBlocks, RichText runs, facts, button titles), for assertions.</summary>
    public static string AllText(this JObject card) =>
        string.Join("\n", card.Descendants().OfType<JProperty>()
            .Where(p => p.Name is "text" or "title" or "value" && p.Value.Type == JTokenType.String)
            .Select(p => (string)p.Value!));

    public static string AllText(this IEnumerable<Activity> replies) =>
        string.Join("\n", replies.Select(r => r.Text ?? "").Concat(replies.AdaptiveCards().Select(AllText)));
}

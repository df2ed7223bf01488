using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>Shared steps of the conversation tests: the content's strings, and the usual ways into a branch.</summary>
public static class Conversations
{
    public static readonly ContentCatalog Catalog = new BotTestClient().Content;

    /// <summary>A bot string of dialogs/main-menu.json in the language of a locale ("fr-FR" → fr).</summary>
    public static string Text(string locale, string key, params (string Name, string Value)[] values) =>
        Catalog.Menu.Text(key, locale[..2], values);

    public static string Lang(this BotTestClient client) => client.Locale[..2];

    /// <summary>"menu", then a click on the branch: returns the card of the branch's start node.</summary>
    public static async Task<JObject> OpenBranchAsync(this BotTestClient client, string branch)
    {
        var menu = (await client.SendTextAsync("menu")).LastCard();
        return (await client.ClickAsync(menu.Button(branch))).LastCard();
    }

    /// <summary>ads-tab-missing, then « Ma boutique est aux États-Unis »: returns the answer card us-menu-path.</summary>
    public static async Task<JObject> OpenUsMenuPathAnswerAsync(this BotTestClient client)
    {
        var question = await client.OpenBranchAsync("ads-tab-missing");
        return (await client.ClickAsync(question.Button("us-shop", "ask-situation"))).LastCard();
    }

    /// <summary>The flow and node the card's choice buttons are stamped with, e.g. "ads-tab-missing/ask-situation".</summary>
    public static string StampOf(JObject card)
    {
        var stamps = card.SubmitActions().Select(a => a["data"] as JObject)
            .Where(d => d?["node"] != null && (string?)d["flow"] != "menu")
            .Select(d => $"{d!["flow"]}/{d["node"]}").Distinct().ToList();
        return Assert.Single(stamps);
    }

    /// <summary>Asserts the card shows that node of that flow, in that language (its text or title, stamped buttons).</summary>
    public static void AssertNode(JObject card, string branch, string nodeId, string locale)
    {
        var node = Catalog.Flow(branch).Node(nodeId);
        Assert.Equal($"{branch}/{nodeId}", StampOf(card));
        Assert.Contains((node.IsQuestion ? node.Text : node.Title).Get(locale[..2]), card.AllText());
    }

    public static IEnumerable<Activity> Traces(this IEnumerable<Activity> replies, string name) =>
        replies.Where(r => r.Type == ActivityTypes.Trace && r.Name == name);

    /// <summary>Everything the bot sent, as JSON: for "never echoes the user's text" checks.</summary>
    public static string AsJson(this IEnumerable<Activity> replies) => JsonConvert.SerializeObject(replies);
}

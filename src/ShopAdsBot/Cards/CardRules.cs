using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Cards;

/// <summary>What a rendered card must be so that Teams, Web Chat and the Emulator all show it well (docs/architecture.md, "Rendering").</summary>
public static class CardRules
{
    private static readonly HashSet<string> AllowedTypes =
    [
        "AdaptiveCard", "TextBlock", "RichTextBlock", "TextRun", "Container", "ColumnSet", "Column", "FactSet", "ActionSet",
        "Action.Submit", "Action.OpenUrl", "Action.ShowCard",
    ];

    /// <summary>The problems of one rendered card (empty when Teams, Web Chat and the Emulator all show it well).</summary>
    public static IReadOnlyList<string> Check(JObject card)
    {
        var problems = new List<string>();
        if ((string?)card["type"] != "AdaptiveCard") problems.Add("type must be AdaptiveCard");
        if (!Version.TryParse((string?)card["version"], out var version) || version > new Version(1, 5))
            problems.Add($"version '{card["version"]}' must be 1.5 or lower");
        if (card["fallbackText"] is not JValue { Type: JTokenType.String } fallback || ((string)fallback!).Trim().Length == 0)
            problems.Add("fallbackText is missing");
        if ((string?)card["msteams"]?["width"] != "Full") problems.Add("msteams.width must be Full");

        foreach (var s in card.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String && ((string)v!).Contains("${")))
            problems.Add($"unbound expression '{s}' at {s.Path}");
        foreach (var actions in card.Descendants().OfType<JProperty>().Where(p => p.Name == "actions" && p.Value is JArray { Count: > 6 }))
            problems.Add($"{((JArray)actions.Value).Count} actions in one row at {actions.Path} (6 at most)");

        foreach (var element in Elements(card))
        {
            var type = (string)element["type"]!;
            if (!AllowedTypes.Contains(type)) problems.Add($"element type '{type}' at {element.Path} is not shown by every channel");
            if (type == "TextBlock" && element["wrap"] is not JValue { Type: JTokenType.Boolean, Value: true })
                problems.Add($"TextBlock at {element.Path} must have wrap: true");
            if (type == "TextBlock" && element["text"] is JValue { Type: not JTokenType.String } notText)
                problems.Add($"TextBlock at {element.Path} text is a {notText.Type}, not a string (hosts show nothing)");
            else if (type == "TextBlock" && string.IsNullOrWhiteSpace((string?)element["text"]))
                problems.Add($"TextBlock at {element.Path} has no text");
            if (type == "Action.OpenUrl" && !IsHttps((string?)element["url"]))
                problems.Add($"Action.OpenUrl at {element.Path} has url '{element["url"]}', not an absolute https URL");
            // The Web Chat page tells a link from a choice by it (js/card-buttons.js keeps links of old cards usable).
            if (type == "Action.OpenUrl" && (string?)element["tooltip"] != (string?)element["url"])
                problems.Add($"Action.OpenUrl at {element.Path} must have its url as tooltip");
            if (type is "Action.Submit" or "Action.OpenUrl" or "Action.ShowCard" && string.IsNullOrWhiteSpace((string?)element["title"]))
                problems.Add($"{type} at {element.Path} has no title");
            if (type == "Action.Submit" && !IsStamped(element["data"] as JObject))
                problems.Add($"Action.Submit at {element.Path} data must be a choice (flow, node, choice) or a command, with msteams messageBack");
        }
        return problems;
    }

    // The card's elements and actions: every object with a "type", except inside an action's data (the bot's own payload).
    private static IEnumerable<JObject> Elements(JToken token)
    {
        if (token is JObject { } obj && obj["type"] is JValue { Type: JTokenType.String }) yield return obj;
        foreach (var child in token.Children())
            if (child is not JProperty { Name: "data" })
                foreach (var element in Elements(child is JProperty p ? p.Value : child)) yield return element;
    }

    private static bool IsStamped(JObject? data) =>
        data is not null
        && (data["command"] is JValue || (data["flow"] is JValue && data["node"] is JValue && data["choice"] is JValue))
        && (string?)data["msteams"]?["type"] == "messageBack"
        && !string.IsNullOrWhiteSpace((string?)data["msteams"]?["displayText"])
        && data["msteams"]?["value"] is JObject;

    public static bool IsHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;
}

using System.Text.RegularExpressions;

namespace ShopAdsBot.Content;

/// <summary>dialogs/main-menu.json: the menu groups and every shared UI string.</summary>
public sealed partial class MenuDefinition
{
    public List<MenuGroup> Groups { get; init; } = [];
    public Dictionary<string, LocalizedText> Strings { get; init; } = [];

    /// <summary>The keys the bot relies on (docs/content.md); the validator requires each in FR and EN.</summary>
    public static IReadOnlyList<string> RequiredStrings { get; } =
    [
        "welcomeTitle", "welcomeIntro", "welcomeTopicsHeading", "menuTitle", "menuPrompt", "resolvedQuestion",
        "yes", "no", "backToMenu", "openHelp", "resolvedThanks", "escalationIntro", "lastResort", "notUnderstood",
        "tooManyAttempts", "outOfScope", "didYouMeanTitle", "noneOfThese", "routedTo", "staleClick", "recovered",
        "cancelled", "restarted", "help", "errorMessage", "storageErrorMessage", "conflictMessage", "teamIntro", "fallbackMenu",
        "answeredWith", "resumeQuestion", "resumeContinue", "resumeStartOver", "eraseQuestion", "eraseYes", "eraseNo", "erased", "eraseKept",
    ];

    public bool Has(string key) => Strings.ContainsKey(key);

    /// <summary>The string in the given language with its {placeholders} filled, e.g. Text("routedTo", "fr", ("title", t)).</summary>
    public string Text(string key, string? lang, params (string Name, string Value)[] values)
    {
        if (!Strings.TryGetValue(key, out var text))
            throw new ContentException($"dialogs/main-menu.json: string '{key}' does not exist");
        var result = text.Get(lang);
        foreach (var (name, value) in values)
            result = result.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return result;
    }

    /// <summary>The {placeholder} names used in a text.</summary>
    public static IReadOnlySet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    public MenuGroup? GroupOf(string branchId) => Groups.FirstOrDefault(g => g.Branches.Contains(branchId));

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PlaceholderPattern();
}

public sealed class MenuGroup
{
    public string Id { get; init; } = "";
    public LocalizedText Title { get; init; } = LocalizedText.Empty;
    public List<string> Branches { get; init; } = [];
}

namespace ShopAdsBot.Insights;

/// <summary>
/// One recorded event: its name, when it happened (UTC) and its properties, already made private (hashed conversation,
/// masked text). The names and properties are the vocabulary of docs/insights.md.
/// </summary>
public sealed record InsightsEvent(string Name, DateTimeOffset Time, IReadOnlyDictionary<string, string> Properties)
{
    public string? this[string property] => Properties.GetValueOrDefault(property);
}

/// <summary>The event vocabulary (docs/insights.md). BotMessageReceived and the other SDK events come from TelemetryLoggerMiddleware.</summary>
public static class InsightsEvents
{
    public const string ConversationStarted = "ConversationStarted";
    public const string BranchStarted = "BranchStarted";
    public const string AnswerRated = "AnswerRated";
    public const string Escalated = "Escalated";
    public const string NotUnderstood = "NotUnderstood";
    public const string SuggestionOffered = "SuggestionOffered";

    /// <summary>The events the embedded store keeps (the SDK's per-activity events go to Application Insights only).</summary>
    public static readonly IReadOnlySet<string> Vocabulary = new HashSet<string>(StringComparer.Ordinal)
    {
        ConversationStarted, BranchStarted, AnswerRated, Escalated, NotUnderstood, SuggestionOffered,
    };
}

/// <summary>Property names of the events.</summary>
public static class InsightsProperties
{
    public const string ConversationId = "conversationId";
    public const string Channel = "channel";
    public const string Language = "language";
    public const string Branch = "branch";
    public const string Node = "node";
    public const string Rating = "rating";
    public const string Via = "via";
    public const string Score = "score";
    public const string Guess = "guess";
    public const string Text = "text";
    public const string Branches = "branches";
}

/// <summary>How a branch was started (the "via" property of BranchStarted).</summary>
public static class BranchVia
{
    public const string Menu = "menu";
    public const string Text = "text";
    public const string Suggestion = "suggestion";
    public const string Resume = "resume";
}

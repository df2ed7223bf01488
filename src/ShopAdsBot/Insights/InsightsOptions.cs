namespace ShopAdsBot.Insights;

/// <summary>Where insights are kept: the embedded SQLite store (the default), or nowhere in the app.</summary>
public enum InsightsKind
{
    Sqlite,
    None,
}

/// <summary>The "Insights" settings (docs/insights.md). APPLICATIONINSIGHTS_CONNECTION_STRING is read separately.</summary>
public sealed class InsightsOptions
{
    public const string SectionName = "Insights";

    public InsightsKind Kind { get; set; } = InsightsKind.Sqlite;

    /// <summary>The SQLite file; a relative path is under the content root.</summary>
    public string SqlitePath { get; set; } = "data/insights.db";

    /// <summary>Needed for /insights outside Development; without it, /insights answers 404 there.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Whether the (masked, cut) text of not-understood messages is kept. Null: on in Development only.</summary>
    public bool? RecordText { get; set; }

    /// <summary>Events older than this are deleted by the daily purge.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Events waiting for the background writer; past this, new events are dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// The salt of the conversation-id hash. Empty: a random salt kept in the SQLite store (or, with Kind None, one per
    /// process). Set it when several instances must hash a conversation alike.
    /// </summary>
    public string? HashSalt { get; set; }
}

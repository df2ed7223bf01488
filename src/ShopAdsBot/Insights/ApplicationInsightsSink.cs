namespace ShopAdsBot.Insights;

/// <summary>
/// Sends every event (the SDK's and ours) to Application Insights as a custom event, through OpenTelemetry logging:
/// the Azure Monitor exporter turns a log record with the attribute "microsoft.custom_event.name" into a customEvents
/// row whose customDimensions are the other attributes. The exporter batches and retries on its own.
/// </summary>
public sealed class ApplicationInsightsSink(ILoggerFactory loggers) : IInsightsSink
{
    /// <summary>The log category of the custom events (kept out of the console: see InsightsServices).</summary>
    public const string Category = "ShopAdsBot.Insights.CustomEvents";

    private const string CustomEventName = "microsoft.custom_event.name";

    private readonly ILogger logger = loggers.CreateLogger(Category);

    public Task WriteAsync(IReadOnlyList<InsightsEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            var attributes = new List<KeyValuePair<string, object?>>(e.Properties.Count + 1) { new(CustomEventName, e.Name) };
            attributes.AddRange(e.Properties.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));
            logger.Log(LogLevel.Information, default, attributes, null, static (_, _) => "");
        }
        return Task.CompletedTask;
    }
}

namespace ShopAdsBot.Insights;

/// <summary>Where the background writer puts events: the SQLite store, Application Insights.</summary>
public interface IInsightsSink
{
    Task WriteAsync(IReadOnlyList<InsightsEvent> events, CancellationToken cancellationToken);
}

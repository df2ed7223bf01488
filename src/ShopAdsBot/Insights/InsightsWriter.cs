namespace ShopAdsBot.Insights;

/// <summary>
/// Drains <see cref="InsightsQueue"/> in the background, in batches, into every sink; a failing sink is logged and the
/// others still get the events. Once a day (TimeProvider, so tests can move time) it applies the store's retention.
/// At shutdown it writes what is still queued.
/// </summary>
public sealed class InsightsWriter(
    InsightsQueue queue,
    IEnumerable<IInsightsSink> sinks,
    SqliteInsightsStore? store,
    InsightsOptions options,
    TimeProvider clock,
    ILogger<InsightsWriter> logger) : BackgroundService
{
    private const int BatchSize = 256;

    public static readonly TimeSpan PurgeInterval = TimeSpan.FromDays(1);

    private readonly IInsightsSink[] sinks = sinks.ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var purge = PurgeDailyAsync(stoppingToken);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteBatchAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Stopping: what was queued before the stop is still written.
        while (await WriteBatchAsync(CancellationToken.None) > 0)
        {
        }
        await purge;
    }

    private async Task<int> WriteBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<InsightsEvent>(BatchSize);
        while (batch.Count < BatchSize && queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
        if (batch.Count == 0)
        {
            return 0;
        }
        foreach (var sink in sinks)
        {
            try
            {
                await sink.WriteAsync(batch, cancellationToken);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Insights: {Sink} could not write {Count} events", sink.GetType().Name, batch.Count);
            }
        }
        queue.MarkWritten(batch.Count);
        return batch.Count;
    }

    private async Task PurgeDailyAsync(CancellationToken stoppingToken)
    {
        if (store is null)
        {
            return;
        }
        using var timer = new PeriodicTimer(PurgeInterval, clock);
        try
        {
            do
            {
                try
                {
                    var deleted = await store.PurgeAsync(clock.GetUtcNow().AddDays(-options.RetentionDays), stoppingToken);
                    logger.LogInformation("Insights: retention of {Days} days applied, {Deleted} old events deleted", options.RetentionDays, deleted);
                    Purged?.Invoke(deleted);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Insights: the retention purge failed; it runs again tomorrow");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Raised after each retention purge with the number of events deleted (a handshake for tests).</summary>
    public event Action<int>? Purged;
}

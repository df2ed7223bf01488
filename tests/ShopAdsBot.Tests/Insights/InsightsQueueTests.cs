using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ShopAdsBot.Insights;

namespace ShopAdsBot.Tests.Insights;

public sealed class InsightsQueueTests
{
    private static InsightsEvent Event(string name = InsightsEvents.BranchStarted) =>
        new(name, DateTimeOffset.UtcNow, new Dictionary<string, string> { ["branch"] = "create-ad" });

    [Fact]
    public void A_full_queue_drops_and_counts_instead_of_blocking()
    {
        // Nobody drains this queue: without the drop rule, the third add would wait forever.
        var queue = new InsightsQueue(capacity: 2);

        Assert.True(queue.TryAdd(Event()));
        Assert.True(queue.TryAdd(Event()));
        Assert.False(queue.TryAdd(Event()));
        Assert.False(queue.TryAdd(Event()));

        Assert.Equal(2, queue.Dropped);
        Assert.True(queue.Reader.TryRead(out _));
        Assert.True(queue.TryAdd(Event()));
        Assert.Equal(2, queue.Dropped);
    }

    [Fact]
    public async Task The_writer_drains_into_every_sink_even_when_one_fails()
    {
        var queue = new InsightsQueue(100);
        var good = new CollectingSink();
        using var writer = new InsightsWriter(queue, [new FailingSink(), good], null, new InsightsOptions(), TimeProvider.System, NullLogger<InsightsWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 10; i++)
        {
            queue.TryAdd(Event());
        }
        await queue.WhenWrittenAsync();
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(10, good.Events.Count);
    }

    [Fact]
    public async Task The_retention_purge_runs_at_start_and_then_once_a_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(Path.GetTempPath(), $"shopadsbot-purge-{Guid.NewGuid():N}.db");
        using var store = new SqliteInsightsStore(path);
        await store.WriteAsync(
        [
            new InsightsEvent(InsightsEvents.ConversationStarted, clock.GetUtcNow().AddDays(-40), new Dictionary<string, string>()),
            new InsightsEvent(InsightsEvents.ConversationStarted, clock.GetUtcNow().AddDays(-30), new Dictionary<string, string>()),
            new InsightsEvent(InsightsEvents.ConversationStarted, clock.GetUtcNow(), new Dictionary<string, string>()),
        ], CancellationToken.None);

        var purges = new List<int>();
        var purged = new SemaphoreSlim(0);
        using var writer = new InsightsWriter(new InsightsQueue(10), [store], store, new InsightsOptions { RetentionDays = 30 }, clock, NullLogger<InsightsWriter>.Instance);
        writer.Purged += count => { purges.Add(count); purged.Release(); };
        await writer.StartAsync(CancellationToken.None);

        Assert.True(await purged.WaitAsync(TimeSpan.FromMinutes(1))); // at start: the 40-day-old event
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await purged.WaitAsync(TimeSpan.FromMinutes(1))); // a day later: the 30-day-old one is now 31 days old
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal([1, 1], purges);
        var summary = await store.SummaryAsync(DateOnly.FromDateTime(clock.GetUtcNow().AddDays(-60).UtcDateTime), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), []);
        Assert.Equal(1, summary.Conversations.Total);
        File.Delete(path);
    }

    private sealed class CollectingSink : IInsightsSink
    {
        public List<InsightsEvent> Events { get; } = [];

        public Task WriteAsync(IReadOnlyList<InsightsEvent> events, CancellationToken cancellationToken)
        {
            Events.AddRange(events);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingSink : IInsightsSink
    {
        public Task WriteAsync(IReadOnlyList<InsightsEvent> events, CancellationToken cancellationToken) => throw new IOException("disk full");
    }
}

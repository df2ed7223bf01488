using System.Threading.Channels;

namespace ShopAdsBot.Insights;

/// <summary>
/// The bounded hand-off between a turn and the background <see cref="InsightsWriter"/>. Adding an event never waits:
/// when the queue is full the event is dropped and counted (<see cref="Dropped"/>), so recording can never slow a turn.
/// </summary>
public sealed class InsightsQueue
{
    private readonly Channel<InsightsEvent> channel;
    private readonly List<(long Target, TaskCompletionSource Done)> waiters = [];
    private long accepted;
    private long written;
    private long dropped;

    public InsightsQueue(int capacity)
    {
        // Wait mode makes TryWrite answer false when full (DropWrite would answer true and lose the event silently).
        channel = Channel.CreateBounded<InsightsEvent>(new BoundedChannelOptions(Math.Max(1, capacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>Events dropped because the queue was full, since start-up.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public ChannelReader<InsightsEvent> Reader => channel.Reader;

    public bool TryAdd(InsightsEvent insightsEvent)
    {
        lock (waiters)
        {
            if (channel.Writer.TryWrite(insightsEvent))
            {
                accepted++;
                return true;
            }
        }
        Interlocked.Increment(ref dropped);
        return false;
    }

    /// <summary>Called by the writer once events have been handed to every sink.</summary>
    public void MarkWritten(int count)
    {
        lock (waiters)
        {
            written += count;
            waiters.RemoveAll(w => w.Target <= written && w.Done.TrySetResult());
        }
    }

    /// <summary>Completes when every event accepted before this call has been written (a handshake for tests and shutdown).</summary>
    public Task WhenWrittenAsync()
    {
        lock (waiters)
        {
            if (written >= accepted)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((accepted, done));
            return done.Task;
        }
    }
}

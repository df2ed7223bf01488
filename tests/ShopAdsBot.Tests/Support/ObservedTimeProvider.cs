using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ShopAdsBot.Tests.Support;

/// <summary>
/// A FakeTimeProvider that tells when code starts waiting on it (Task.Delay creates a timer): a test advances time
/// once the wait has begun, a handshake instead of a sleep.
/// </summary>
public sealed class ObservedTimeProvider : FakeTimeProvider
{
    /// <summary>The due time of every timer created, in order.</summary>
    public BlockingCollection<TimeSpan> Timers { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Timers.Add(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer is created (a safety timeout only), then moves time past its due time.</summary>
    public TimeSpan AdvancePastNextTimer()
    {
        if (!Timers.TryTake(out var due, TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("Nothing started waiting on the clock.");
        }
        Advance(due);
        return due;
    }

    /// <summary>
    /// Moves time past each timer as it is created until <paramref name="work"/> ends: for a turn whose waits (a typing
    /// indicator's delay, a connector's back-off) start in an order the test does not control.
    /// </summary>
    public async Task AdvanceTimersUntilAsync(Task work)
    {
        using var done = new CancellationTokenSource();
        _ = work.ContinueWith(_ => done.Cancel(), TaskScheduler.Default);
        try
        {
            while (true)
            {
                Advance(await Task.Run(() => Timers.Take(done.Token)));
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
        await work;
    }
}

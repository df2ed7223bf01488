using Microsoft.Bot.Builder;

namespace ShopAdsBot.Tests.Support;

/// <summary>
/// A handshake for race tests: once armed for N parties, each conversation-state read waits until N reads have
/// happened, so N turns all read the same state before any of them saves. Reads after that pass straight through.
/// </summary>
public sealed class ReadBarrier
{
    private readonly object gate = new();
    private TaskCompletionSource? all;
    private int waiting;

    public bool Met { get; private set; }

    public void Arm(int parties)
    {
        lock (gate)
        {
            waiting = parties;
            Met = false;
            all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async Task PassAsync()
    {
        Task wait;
        lock (gate)
        {
            if (all is null)
            {
                return;
            }
            wait = all.Task;
            if (--waiting == 0)
            {
                Met = true;
                all.SetResult();
                all = null;
            }
        }
        // A generous bound so that a broken test fails instead of hanging; a passing one never waits for it.
        await wait.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The given storage, with its conversation-state reads held by this barrier.</summary>
    public IStorage Around(IStorage inner) => new BarrierStorage(inner, this);

    private sealed class BarrierStorage(IStorage inner, ReadBarrier barrier) : IStorage
    {
        public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            var items = await inner.ReadAsync(keys, cancellationToken);
            if (keys.Any(k => k.Contains("/conversations/", StringComparison.Ordinal)))
            {
                await barrier.PassAsync();
            }
            return items;
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}

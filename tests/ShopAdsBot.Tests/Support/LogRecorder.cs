using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ShopAdsBot.Tests.Support;

/// <summary>An ILoggerProvider that keeps every log entry, for tests that check what the app logs.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> State);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            recorder.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception, values));
        }
    }
}

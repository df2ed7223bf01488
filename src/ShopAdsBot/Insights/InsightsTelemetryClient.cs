using System.Globalization;
using Microsoft.Bot.Builder;
using static ShopAdsBot.Insights.InsightsProperties;

namespace ShopAdsBot.Insights;

/// <summary>
/// The bot's IBotTelemetryClient: TelemetryLoggerMiddleware (BotMessageReceived, BotMessageSend…) and our own events
/// (<see cref="InsightsRecorder"/>) both arrive here. The privacy rules of docs/insights.md are applied in this one
/// place: only known properties are kept (no user id, name, conversation name or Teams object id), the conversation id
/// becomes its salted hash, typed text is kept only on NotUnderstood when Insights:RecordText is on, masked and cut.
/// Then the event is queued for the background writer; a turn never waits for a sink.
/// </summary>
public sealed class InsightsTelemetryClient(InsightsQueue queue, Lazy<ConversationHasher> hasher, bool recordText, TimeProvider clock, ILogger<InsightsTelemetryClient> logger)
    : IBotTelemetryClient
{
    /// <summary>Properties that may be recorded as they are (the SDK's activity type, channel and locale, and ours).</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        TelemetryConstants.ActivityTypeProperty, TelemetryConstants.ChannelIdProperty, TelemetryConstants.LocaleProperty,
        Channel, Language, Branch, Node, Rating, Via, Score, Guess, Branches,
    };

    public void TrackEvent(string eventName, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null)
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in properties ?? new Dictionary<string, string>())
        {
            if (value is null)
            {
                continue;
            }
            if (Kept.Contains(name))
            {
                kept[name] = value;
            }
            else if (name == TelemetryConstants.ConversationIdProperty)
            {
                kept[ConversationId] = hasher.Value.Hash(value);
            }
            else if (name == Text && recordText && eventName == InsightsEvents.NotUnderstood)
            {
                kept[Text] = TextMask.Apply(value);
            }
        }
        foreach (var (name, value) in metrics ?? new Dictionary<string, double>())
        {
            if (Kept.Contains(name))
            {
                kept[name] = value.ToString("0.###", CultureInfo.InvariantCulture);
            }
        }
        queue.TryAdd(new InsightsEvent(eventName, clock.GetUtcNow(), kept));
    }

    public void TrackException(Exception exception, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null) =>
        logger.LogError(exception, "Exception reported through the bot telemetry client");

    public void TrackTrace(string message, Severity severityLevel, IDictionary<string, string>? properties) =>
        logger.Log(severityLevel switch
        {
            Severity.Verbose => LogLevel.Debug,
            Severity.Information => LogLevel.Information,
            Severity.Warning => LogLevel.Warning,
            Severity.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        }, "{Message}", message);

    // Requests, dependencies and availability are collected by OpenTelemetry's instrumentation, not reported by hand.
    public void TrackAvailability(string name, DateTimeOffset timeStamp, TimeSpan duration, string runLocation, bool success, string? message = null, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null)
    {
    }

    public void TrackDependency(string dependencyTypeName, string target, string dependencyName, string data, DateTimeOffset startTime, TimeSpan duration, string resultCode, bool success)
    {
    }

    public void Flush()
    {
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Retries the bot's calls to the Bot Connector (replies, card updates) that Teams or Azure Bot Service answer with 429
/// (throttled: Teams limits messages per conversation and per bot) or a 5xx, with exponential back-off and jitter: the
/// n-th retry waits between half and all of <see cref="BaseDelay"/>·2ⁿ⁻¹, and at least what Retry-After asks. A wait
/// beyond <see cref="MaxDelay"/> is not worth holding the turn: the answer is returned as it is. Other statuses, and
/// failures to connect, are not retried. Delays run on the injected TimeProvider, so tests need no real sleeping.
/// </summary>
public sealed class BotConnectorRetryHandler(TimeProvider clock, ILogger<BotConnectorRetryHandler> logger) : DelegatingHandler
{
    /// <summary>The named HttpClient the Bot Connector clients are built from.</summary>
    public const string HttpClientName = "BotConnector";

    public const int MaxAttempts = 4;
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);

    /// <summary>Jitter source; tests may give a seeded one.</summary>
    public Random Random { get; init; } = Random.Shared;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (attempt == MaxAttempts || !IsTransient(response.StatusCode)
                || DelayBeforeRetry(attempt, response.Headers.RetryAfter, clock.GetUtcNow(), Random) is not { } delay)
            {
                return response;
            }

            logger.LogWarning("The Bot Connector answered {Status} to {Method} {Path}: retry {Retry} of {MaxRetries} in {Delay} ms",
                (int)response.StatusCode, request.Method, request.RequestUri?.AbsolutePath, attempt, MaxAttempts - 1, (int)delay.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    /// <summary>429, and every 5xx but 501 Not Implemented and 505 (which another try cannot change).</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1-based): exponential with jitter, at least Retry-After;
    /// null when that is more than <see cref="MaxDelay"/>.
    /// </summary>
    public static TimeSpan? DelayBeforeRetry(int retry, RetryConditionHeaderValue? retryAfter, DateTimeOffset now, Random random)
    {
        var ceiling = BaseDelay * Math.Pow(2, retry - 1);
        var delay = ceiling / 2 + ceiling / 2 * random.NextDouble();
        var asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : null);
        if (asked > delay)
        {
            delay = asked.Value;
        }
        return delay <= MaxDelay ? delay : null;
    }
}

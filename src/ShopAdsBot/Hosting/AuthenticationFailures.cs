using Microsoft.IdentityModel.Tokens;

namespace ShopAdsBot.Hosting;

/// <summary>
/// What CloudAdapter's authentication throws when it refuses a request, mapped to an HTTP answer that fails closed:
/// a missing, malformed, forged or expired token is 401; signing keys that cannot be fetched at all are 503 with
/// Retry-After (the channel retries), reported in the log at most once a minute however many requests arrive.
/// </summary>
public sealed class AuthenticationFailures(ILogger<AuthenticationFailures> logger, TimeProvider time)
{
    public static readonly TimeSpan ReportInterval = TimeSpan.FromMinutes(1);

    /// <summary>Seconds a channel should wait before retrying while the signing keys are unavailable.</summary>
    public const int RetryAfterSeconds = 30;

    private readonly object gate = new();
    private DateTimeOffset? lastReported;
    private int unreported;

    /// <summary>The caller is not authenticated: no token, not a bearer, unreadable, or not valid for this bot.</summary>
    public static bool IsRefusedToken(Exception ex) =>
        ex is UnauthorizedAccessException or SecurityTokenException or ArgumentException;

    /// <summary>
    /// The OpenID metadata or its keys could not be fetched (IDX20803 from Microsoft.IdentityModel's ConfigurationManager,
    /// network errors underneath): no token can be checked, valid or not.
    /// </summary>
    public static bool IsSigningKeysUnavailable(Exception ex) =>
        ex is InvalidOperationException && ex.Message.Contains("IDX20803", StringComparison.Ordinal)
        || ex is HttpRequestException;

    /// <summary>Logs the outage once per <see cref="ReportInterval"/>, with how many refusals were not logged since.</summary>
    public void ReportSigningKeysUnavailable(Exception ex)
    {
        int since;
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (lastReported is { } last && now - last < ReportInterval)
            {
                unreported++;
                return;
            }
            lastReported = now;
            since = unreported;
            unreported = 0;
        }
        logger.LogError(ex, "The Bot Framework signing keys cannot be fetched: /api/messages answers 503 until they can ({Unreported} requests refused since the last report)", since);
    }
}

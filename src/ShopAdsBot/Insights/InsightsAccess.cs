using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ShopAdsBot.Insights;

/// <summary>Who may see /insights (docs/insights.md "Access").</summary>
public enum InsightsAccessResult
{
    Allowed,
    /// <summary>A key is configured and the request did not bring it: 401, and the sign-in form for the page.</summary>
    SignInRequired,
    /// <summary>Outside Development with no Insights:AdminKey, or Insights:Kind = None: the page does not exist.</summary>
    NotFound,
}

/// <summary>
/// In Development, requests from this machine need no key. Otherwise Insights:AdminKey is needed, as a bearer token
/// (the API) or as the sign-in cookie (the page); both are compared in constant time. The cookie holds an HMAC of a
/// fixed label under the key, never the key itself: changing the key signs everybody out.
/// </summary>
public sealed class InsightsAccess(IOptions<InsightsOptions> options, IHostEnvironment environment)
{
    public const string CookieName = "ShopAdsBot.Insights";

    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(8);

    private string? AdminKey => string.IsNullOrEmpty(options.Value.AdminKey) ? null : options.Value.AdminKey;

    public InsightsAccessResult Check(HttpContext http)
    {
        if (options.Value.Kind == InsightsKind.None)
        {
            return InsightsAccessResult.NotFound;
        }
        if (environment.IsDevelopment() && IsLocal(http.Connection.RemoteIpAddress))
        {
            return InsightsAccessResult.Allowed;
        }
        if (AdminKey is not { } key)
        {
            return InsightsAccessResult.NotFound;
        }
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && SameSecret(header["Bearer ".Length..].Trim(), key))
        {
            return InsightsAccessResult.Allowed;
        }
        return http.Request.Cookies.TryGetValue(CookieName, out var cookie) && SameSecret(cookie, SessionValue(key))
            ? InsightsAccessResult.Allowed
            : InsightsAccessResult.SignInRequired;
    }

    /// <summary>Whether a key typed into the sign-in form is the admin key.</summary>
    public bool IsAdminKey(string? candidate) => AdminKey is { } key && candidate is not null && SameSecret(candidate, key);

    /// <summary>The sign-in cookie: HttpOnly, Secure, SameSite=Strict, only sent to /insights.</summary>
    public void SignIn(HttpResponse response) =>
        response.Cookies.Append(CookieName, SessionValue(AdminKey!), CookieOptions(CookieLifetime));

    public static void SignOut(HttpResponse response) =>
        response.Cookies.Delete(CookieName, CookieOptions(null));

    /// <summary>
    /// In the in-process test server there is no remote peer (null address): it is this machine. Kestrel always has one.
    /// </summary>
    private static bool IsLocal(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static CookieOptions CookieOptions(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/insights",
        MaxAge = maxAge,
        IsEssential = true,
    };

    private static string SessionValue(string key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), "ShopAdsBot insights session v1"u8));

    /// <summary>Constant time: both sides are hashed to the same length first, then compared with FixedTimeEquals.</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

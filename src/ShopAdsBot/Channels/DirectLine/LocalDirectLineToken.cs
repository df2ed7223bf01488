using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ShopAdsBot.Channels.DirectLine;

/// <summary>What a local Direct Line token grants: one conversation, as one user, until it expires.</summary>
public sealed record LocalDirectLineTokenClaims(string ConversationId, string UserId, DateTimeOffset ExpiresAt);

/// <summary>
/// Issues and checks local Direct Line tokens. A token is HMAC-signed (a key made at start-up), so it needs no storage
/// and cannot be forged; it is bound to one conversation and one user id.
/// </summary>
public sealed class LocalDirectLineTokenService(TimeProvider clock)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(string conversationId, string userId, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = $"{conversationId}.{userId}.{expires}";
        return $"{payload}.{Sign(payload)}";
    }

    /// <summary>Null when the token is malformed or its signature is wrong; the claims (maybe expired) otherwise.</summary>
    public LocalDirectLineTokenClaims? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 4 || !long.TryParse(parts[2], out var expires))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}.{parts[2]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3])))
        {
            return null;
        }

        return new LocalDirectLineTokenClaims(parts[0], parts[1], DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    public bool IsExpired(LocalDirectLineTokenClaims claims) => claims.ExpiresAt <= clock.GetUtcNow();

    /// <summary>A random id safe in URLs and tokens (no dots).</summary>
    public static string NewId(int bytes = 16) => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));

    private string Sign(string payload) => WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
}

using System.Security.Cryptography;
using System.Text;

namespace ShopAdsBot.Insights;

/// <summary>
/// The only form in which a conversation id is recorded: HMAC-SHA256 under a secret salt, as 32 hex characters.
/// Events of one conversation can be counted and deleted together; the id itself cannot be recovered or guessed.
/// </summary>
public sealed class ConversationHasher(byte[] salt)
{
    public string Hash(string conversationId)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(conversationId), mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(32);
}

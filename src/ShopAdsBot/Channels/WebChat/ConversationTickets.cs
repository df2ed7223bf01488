using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ShopAdsBot.Channels.WebChat;

/// <summary>What the app needs to let a visitor back into a Web Chat conversation: the Azure token is refreshed from it.</summary>
public sealed record ConversationTicket(string Mode, string ConversationId, string UserId, string? Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Conversation tickets: a Web Chat conversation, encrypted and signed by the app (ASP.NET Core Data Protection), so
/// that the widget on another site can keep it in that site's session storage (the chat view's own storage is often
/// blocked inside a third-party frame) and hand it back to the chat view on the next page. Nobody but this app can read
/// it or use it as a Direct Line token; it is only redeemed by POST /api/webchat/token from the app's own pages.
/// </summary>
public sealed class ConversationTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ShopAdsBot.WebChat.ConversationTicket.v1");

    public string Issue(string mode, string conversationId, string userId, string? token, TimeSpan lifetime) =>
        _protector.Protect(JsonSerializer.Serialize(new ConversationTicket(mode, conversationId, userId, token, clock.GetUtcNow() + lifetime)));

    /// <summary>The ticket, or null when it is not one of ours, was tampered with, or has expired.</summary>
    public ConversationTicket? Read(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 4096)
        {
            return null;
        }

        try
        {
            var ticket = JsonSerializer.Deserialize<ConversationTicket>(_protector.Unprotect(value));
            return ticket is not null && ticket.ExpiresAt > clock.GetUtcNow() ? ticket : null;
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}

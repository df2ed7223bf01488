namespace ShopAdsBot.Channels.WebChat;

/// <summary>
/// The "WebChat" settings section: which other sites may embed the chat (the widget's iframe, or the page itself).
/// </summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>
    /// Origins (scheme://host[:port]) allowed to frame the chat. Empty: any loopback origin in Development, none but the
    /// bot's own origin elsewhere.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Loopback origins on any port, the Development default (CSP host sources cannot name an IPv6 literal).</summary>
    public static readonly string[] DevelopmentOrigins = ["http://localhost:*", "http://127.0.0.1:*"];

    /// <summary>The origin as CSP writes it (scheme://host[:port], no path), or null when it is not one.</summary>
    public static string? NormalizeOrigin(string? value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || uri.HostNameType == UriHostNameType.IPv6)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The CSP frame-ancestors sources for the chat: the bot itself plus the allowed (or default) origins.</summary>
    public IReadOnlyList<string> FrameAncestors(bool isDevelopment)
    {
        var origins = AllowedOrigins.Select(NormalizeOrigin).OfType<string>().ToList();
        if (origins.Count == 0 && isDevelopment)
        {
            origins.AddRange(DevelopmentOrigins);
        }

        return ["'self'", .. origins.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}

namespace ShopAdsBot.Channels.DirectLine;

/// <summary>
/// The "DirectLine" settings section: the one place for Web Chat's channel settings.
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>The default Azure Bot Service Direct Line 3.0 base address.</summary>
    public const string AzureEndpoint = "https://directline.botframework.com/v3/directline";

    /// <summary>Serve the in-process Direct Line under /v3/directline. Defaults to true in Development, false otherwise.</summary>
    public bool? EnableLocal { get; set; }

    /// <summary>Azure Bot Service Direct Line secret. Server-side only: exchanged for a conversation token, never sent to the browser.</summary>
    public string? Secret { get; set; }

    /// <summary>Base address of the Direct Line service the secret is exchanged with (a test points it at a fake service).</summary>
    public string Endpoint { get; set; } = AzureEndpoint;

    /// <summary>How long a local token stays valid; Web Chat refreshes it at half this time.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A local conversation untouched for this long is forgotten.</summary>
    public TimeSpan ConversationExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Most local conversations kept in memory; the least recently used one goes first.</summary>
    public int MaxConversations { get; set; } = 1000;

    /// <summary>Most activities kept per local conversation; the oldest go first.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>Largest body accepted on a Direct Line post (413 above it).</summary>
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>Posts allowed per conversation (so per token) in each <see cref="RateLimitWindow"/> (429 above it).</summary>
    public int MaxPostsPerWindow { get; set; } = 20;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Token requests allowed per client address per minute on /api/webchat/token.</summary>
    public int MaxTokenRequestsPerMinute { get; set; } = 30;

    /// <summary>Whether the local Direct Line is on, once the environment default is applied.</summary>
    public bool LocalEnabled => EnableLocal ?? false;
}

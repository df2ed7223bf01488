namespace ShopAdsBot.Lifecycle;

/// <summary>Settings of a conversation's life (section <c>Conversation</c> of appsettings.json or environment variables).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>A message in the middle of a branch after this pause first gets "continue or start over".</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>An activity delivered again with the same id within this window is not run a second time.</summary>
    public TimeSpan RedeliveryWindow { get; set; } = TimeSpan.FromMinutes(10);
}

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// The real bot, plus two other websites embedding the widget: <see cref="AllowedSite"/> (at "localhost", so another
/// site than the bot at 127.0.0.1, as a real embedding is), the only origin in WebChat:AllowedOrigins, and
/// <see cref="OtherSite"/>, on another loopback port, which is not in it.
/// </summary>
public sealed class WidgetFixture : BrowserFixture
{
    public WidgetFixture() : this(new BotAddress())
    {
    }

    private WidgetFixture(BotAddress bot) : this(bot, new HostSite(() => bot.Url, "localhost"), new HostSite(() => bot.Url))
    {
    }

    private WidgetFixture(BotAddress bot, HostSite allowed, HostSite other)
        : base(null, new Dictionary<string, string?> { ["WebChat:AllowedOrigins:0"] = allowed.Origin })
    {
        bot.Url = BaseUrl;
        AllowedSite = allowed;
        OtherSite = other;
    }

    public HostSite AllowedSite { get; }

    public HostSite OtherSite { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await AllowedSite.DisposeAsync();
        await OtherSite.DisposeAsync();
    }

    private sealed class BotAddress
    {
        public string Url { get; set; } = string.Empty;
    }
}

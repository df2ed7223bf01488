namespace ShopAdsBot.BrowserTests;

/// <summary>
/// The real bot, plus two other websites embedding the widget: <see cref="AllowedSite"/> (at "localhost", so another
/// site than the bot at 127.0.0.1, as a real embedding is), the only origin in WebChat:AllowedOrigins, and
/// <see cref="OtherSite"/>, on another loopback port, which is not in it. <see cref="OptionsSite"/> (allowed too) uses
/// every option of the snippet: data-open="true" data-position="left" data-lang="en".
/// </summary>
public sealed class WidgetFixture : BrowserFixture
{
    public WidgetFixture() : this(new BotAddress())
    {
    }

    private WidgetFixture(BotAddress bot)
        : this(bot, new HostSite(() => bot.Url, "localhost"), new HostSite(() => bot.Url),
            new HostSite(() => bot.Url, "localhost", "data-open=\"true\" data-position=\"left\" data-lang=\"en\""))
    {
    }

    private WidgetFixture(BotAddress bot, HostSite allowed, HostSite other, HostSite options)
        : base(null, new Dictionary<string, string?>
        {
            ["WebChat:AllowedOrigins:0"] = allowed.Origin,
            ["WebChat:AllowedOrigins:1"] = options.Origin,
        })
    {
        // The bot's port is known only once Kestrel has bound port 0 (InitializeAsync): read it when a page is served.
        bot.Source = () => BaseUrl;
        AllowedSite = allowed;
        OtherSite = other;
        OptionsSite = options;
    }

    public HostSite AllowedSite { get; }

    public HostSite OtherSite { get; }

    public HostSite OptionsSite { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await AllowedSite.DisposeAsync();
        await OtherSite.DisposeAsync();
        await OptionsSite.DisposeAsync();
    }

    private sealed class BotAddress
    {
        public Func<string> Source { get; set; } = () => string.Empty;

        public string Url => Source();
    }
}

using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using ShopAdsBot.Insights;

namespace ShopAdsBot.Tests.Insights;

/// <summary>The privacy rules of docs/insights.md, applied by the bot's telemetry client to every event.</summary>
public sealed class PrivacyTests
{
    [Theory]
    [InlineData("écrivez à jean.dupont@exemple.fr svp", "écrivez à [e-mail] svp")]
    [InlineData("mon numéro +33 6 12 34 56 78 merci", "mon numéro [phone] merci")]
    [InlineData("call (555) 123-4567 now", "call [phone] now")]
    [InlineData("tel 06.12.34.56.78", "tel [phone]")]
    [InlineData("commande 5829301744 bloquée", "commande [number] bloquée")]
    [InlineData("voir https://ads.tiktok.com/i18n/account?id=123456789 et www.exemple.fr/x", "voir [url] et [url]")]
    [InlineData("code 12345 ok", "code 12345 ok")]
    [InlineData("campagne   refusée\n\tpourquoi", "campagne refusée pourquoi")]
    public void Typed_text_is_masked(string typed, string kept) => Assert.Equal(kept, TextMask.Apply(typed));

    [Fact]
    public void Typed_text_is_cut_to_200_characters()
    {
        var kept = TextMask.Apply(new string('a', 150) + " " + new string('b', 150));
        Assert.Equal(TextMask.MaxLength, kept.Length);
        Assert.StartsWith(new string('a', 150), kept);
    }

    private static (InsightsTelemetryClient Client, InsightsQueue Queue) Client(bool recordText)
    {
        var queue = new InsightsQueue(16);
        var hasher = new Lazy<ConversationHasher>(() => new ConversationHasher("salt"u8.ToArray()));
        return (new InsightsTelemetryClient(queue, hasher, recordText, TimeProvider.System, NullLogger<InsightsTelemetryClient>.Instance), queue);
    }

    [Fact]
    public void Only_known_properties_are_kept_and_the_conversation_id_is_hashed()
    {
        var (client, queue) = Client(recordText: true);

        // What TelemetryLoggerMiddleware sends with personal information off, plus what a Teams activity could add.
        client.TrackEvent(TelemetryLoggerConstants.BotMsgReceiveEvent, new Dictionary<string, string>
        {
            [TelemetryConstants.FromIdProperty] = "29:1abcUserId",
            [TelemetryConstants.RecipientIdProperty] = "28:bot",
            [TelemetryConstants.RecipientNameProperty] = "ShopAdsBot",
            [TelemetryConstants.ConversationNameProperty] = "Équipe pub de Jean",
            [TelemetryConstants.ConversationIdProperty] = "a:1secret-conversation",
            [TelemetryConstants.ActivityIdProperty] = "a:1secret-conversation|0001",
            [TelemetryConstants.ActivityTypeProperty] = "message",
            [TelemetryConstants.ChannelIdProperty] = "msteams",
            [TelemetryConstants.LocaleProperty] = "fr-FR",
            [TelemetryConstants.TextProperty] = "bonjour",
            ["aadObjectId"] = "00000000-1111-2222-3333-444444444444",
        });

        Assert.True(queue.Reader.TryRead(out var recorded));
        Assert.Equal(
            new[] { TelemetryConstants.ActivityTypeProperty, TelemetryConstants.ChannelIdProperty, "conversationId", TelemetryConstants.LocaleProperty }.Order(),
            recorded!.Properties.Keys.Order());
        var hash = recorded["conversationId"]!;
        Assert.Matches("^[0-9a-f]{32}$", hash);
        Assert.Equal(new ConversationHasher("salt"u8.ToArray()).Hash("a:1secret-conversation"), hash);
        Assert.NotEqual(new ConversationHasher("other"u8.ToArray()).Hash("a:1secret-conversation"), hash);
    }

    [Theory]
    [InlineData(true, "mail [e-mail]")]
    [InlineData(false, null)]
    public void Text_is_kept_only_on_NotUnderstood_and_only_when_RecordText_is_on(bool recordText, string? expected)
    {
        var (client, queue) = Client(recordText);

        client.TrackEvent(InsightsEvents.NotUnderstood, new Dictionary<string, string> { ["text"] = "mail a@b.co", ["guess"] = "none" });
        client.TrackEvent(InsightsEvents.BranchStarted, new Dictionary<string, string> { ["text"] = "mail a@b.co", ["branch"] = "create-ad" });

        Assert.True(queue.Reader.TryRead(out var notUnderstood));
        Assert.Equal(expected, notUnderstood!["text"]);
        Assert.Equal("none", notUnderstood["guess"]);
        Assert.True(queue.Reader.TryRead(out var started));
        Assert.Null(started!["text"]);
    }
}

using Newtonsoft.Json.Linq;
using ShopAdsBot.Cards;
using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Content;

/// <summary>The cards kept as text are the cards the factory renders, rendered once.</summary>
public sealed class KeptCardsTests
{
    private static readonly ContentCatalog Catalog = ContentCatalog.Load(ContentCatalog.LocateRoot());
    private readonly CardFactory cards = new(Catalog);

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void EveryKeptCardIsTheRenderedCard(string lang)
    {
        var kept = new KeptCards(cards);
        Assert.True(JToken.DeepEquals(cards.Welcome(lang).Content as JToken, Text(kept.Welcome(lang))));
        Assert.True(JToken.DeepEquals(cards.Menu(lang).Content as JToken, Text(kept.Menu(lang))));
        foreach (var flow in Catalog.Flows.Values)
        {
            foreach (var node in flow.Nodes)
            {
                Assert.True(JToken.DeepEquals(cards.Node(flow, node, lang).Content as JToken, Text(kept.Node(flow, node, lang))), $"{flow.Id}/{node.Id} ({lang})");
            }
        }
    }

    [Fact]
    public void ACardIsRenderedOncePerLanguage()
    {
        var kept = new KeptCards(cards);
        var flow = Catalog.Flows.Values.First();
        var first = kept.Node(flow, flow.StartNode, "fr");
        var again = kept.Node(flow, flow.StartNode, "fr");

        Assert.NotSame(first, again); // each reply gets its own attachment
        Assert.Same(((JRaw)first.Content).Value, ((JRaw)again.Content).Value); // around the same text
        Assert.NotEqual((string?)((JRaw)first.Content).Value, (string?)((JRaw)kept.Node(flow, flow.StartNode, "en").Content).Value);
    }

    private static JObject Text(Microsoft.Bot.Schema.Attachment attachment)
    {
        Assert.Equal(CardFactory.AdaptiveCardContentType, attachment.ContentType);
        return JObject.Parse((string)((JRaw)attachment.Content).Value!);
    }
}

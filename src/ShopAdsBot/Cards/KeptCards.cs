using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;

namespace ShopAdsBot.Cards;

/// <summary>
/// The cards that depend only on the content and the language (a node's card, the welcome, the menu), rendered once and
/// kept as their JSON text, which goes out as it is (<see cref="JRaw"/>). The content does not change while the app
/// runs, and binding a template built a JSON tree of 6 to 19 KB on every turn, which was then serialized twice (the HTTP
/// answer and the redelivery copy). A card is kept when it is first shown: at most one per node and language, plus the
/// welcome and the menu (about 120 cards, some 2 MB of text once every one has been shown).
/// </summary>
public sealed class KeptCards(CardFactory cards)
{
    private readonly ConcurrentDictionary<(string Flow, string Node, string Lang), string> texts = new();

    public Attachment Welcome(string lang) => Kept((CardFactory.MenuFlow, "welcome", lang), () => cards.Welcome(lang));

    public Attachment Menu(string lang) => Kept((CardFactory.MenuFlow, CardFactory.MenuFlow, lang), () => cards.Menu(lang));

    /// <summary>A question node's card (its choices) or an answer node's card (its remedy, Oui / Non).</summary>
    public Attachment Node(FlowDefinition flow, FlowNode node, string lang) =>
        Kept((flow.Id, node.Id, lang), () => cards.Node(flow, node, lang));

    private Attachment Kept((string Flow, string Node, string Lang) key, Func<Attachment> render) => new()
    {
        ContentType = CardFactory.AdaptiveCardContentType,
        Content = new JRaw(texts.GetOrAdd(key, static (_, render) => ((JToken)render().Content).ToString(Formatting.None), render)),
    };
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ShopAdsBot.Cards;
using ShopAdsBot.Content;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// Every message the bot sends, built from the content (dialogs/, cards/, seeds/) in the user's language.
/// The dialogs decide what to say; this class only knows how it looks.
/// </summary>
public sealed class BotReplies(ContentCatalog content)
{
    private readonly CardFactory cards = new(content);

    public string String(string key, string language, params (string Name, string Value)[] values) =>
        content.Menu.Text(key, language, values);

    public IMessageActivity Text(string key, string language, params (string Name, string Value)[] values) =>
        MessageFactory.Text(String(key, language, values));

    /// <summary>A short message card with a button back to the menu.</summary>
    public IMessageActivity NoticeWithMenu(string key, string language, params (string Name, string Value)[] values) =>
        MessageFactory.Attachment(cards.Notice(String(key, language, values), language, withMenuButton: true));

    public IMessageActivity Welcome(string language) => MessageFactory.Attachment(cards.Welcome(language));

    public IMessageActivity Menu(string language) => MessageFactory.Attachment(cards.Menu(language));

    public IMessageActivity Suggestions(IReadOnlyList<string> branchIds, string language) =>
        MessageFactory.Attachment(cards.Suggestions(branchIds, language));

    /// <summary>
    /// The card of one node: a question with its choices, or an answer with its help links and Oui / Non. A retry
    /// says first that the answer was not understood and shows the same card again, so the buttons are at hand.
    /// </summary>
    public IMessageActivity NodeCard(FlowDefinition flow, FlowNode node, string language, bool isRetry = false)
    {
        var card = MessageFactory.Attachment(node.IsQuestion ? cards.Question(flow, node, language) : cards.Answer(flow, node, language));
        if (isRetry)
        {
            card.Text = String("notUnderstood", language);
        }
        return card;
    }

    /// <summary>Stored state that no longer fits the content or the code: an apology, then the menu.</summary>
    public IMessageActivity[] Recovered(string language) => [Text("recovered", language), Menu(language)];
}

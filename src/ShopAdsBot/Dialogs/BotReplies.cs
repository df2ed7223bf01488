using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using ShopAdsBot.Cards;
using ShopAdsBot.Content;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// Every message the bot sends, built from the content (dialogs/, cards/, seeds/) in the user's language.
/// The dialogs decide what to say; this class only knows how it looks.
/// </summary>
public sealed class BotReplies(ContentCatalog content)
{
    private readonly CardFactory cards = new(content);
    private readonly KeptCards kept = new(new CardFactory(content));

    public string String(string key, string language, params (string Name, string Value)[] values) =>
        content.Menu.Text(key, language, values);

    public IMessageActivity Text(string key, string language, params (string Name, string Value)[] values) =>
        MessageFactory.Text(String(key, language, values));

    /// <summary>A short message card with a button back to the menu.</summary>
    public IMessageActivity NoticeWithMenu(string key, string language, params (string Name, string Value)[] values) =>
        MessageFactory.Attachment(cards.Notice(String(key, language, values), language, withMenuButton: true));

    public IMessageActivity Welcome(string language) => MessageFactory.Attachment(kept.Welcome(language));

    public IMessageActivity Menu(string language) => MessageFactory.Attachment(kept.Menu(language));

    public IMessageActivity Suggestions(IReadOnlyList<string> branchIds, string language) =>
        MessageFactory.Attachment(cards.Suggestions(branchIds, language));

    /// <summary>The clarifying question when the two best branches are too close: one short question, the two choices.</summary>
    public IMessageActivity Clarify(Clarification choices, string language) =>
        MessageFactory.Attachment(cards.Suggestions([choices.First, choices.Second], language, "clarifyTitle"));

    /// <summary>
    /// The card that replaces a clicked node card where the channel can update messages (Teams, the Emulator): the
    /// question and the answer chosen, no buttons. Null when the stamp names no node, or a choice the node lacks.
    /// </summary>
    public IMessageActivity? Answered(CardStamp stamp, string language)
    {
        if (!content.Flows.TryGetValue(stamp.Branch, out var flow) || flow.FindNode(stamp.Node) is not { } node)
        {
            return null;
        }
        var (question, answer) = node.IsQuestion
            ? (node.Text.Get(language), node.Choices.FirstOrDefault(c => c.Id == stamp.Choice)?.Title.Get(language))
            : ($"{node.Title.Get(language)}\n\n{String("resolvedQuestion", language)}",
               stamp.Choice switch { CardFactory.Yes => String("yes", language), CardFactory.No => String("no", language), _ => null });
        return answer is null ? null : MessageFactory.Attachment(cards.Answered(flow.Title.Get(language), question, answer, language));
    }

    /// <summary>« Vous étiez à l'étape « … » de « … ». Continuer ou recommencer ? » with its two buttons.</summary>
    public IMessageActivity ResumeQuestion(FlowPosition position, string language)
    {
        var flow = content.Flow(position.Branch);
        var node = flow.Node(position.Node);
        var step = (node.IsQuestion ? node.Text : node.Title).Get(language);
        var text = String("resumeQuestion", language, ("step", step), ("branch", flow.Title.Get(language)));
        return MessageFactory.Attachment(cards.Ask(text,
            (String("resumeContinue", language), GlobalCommands.ContinueCommand),
            (String("resumeStartOver", language), GlobalCommands.RestartCommand)));
    }

    /// <summary>« Voulez-vous vraiment effacer les données de cette conversation ? » with « Oui, effacer » / « Non, conserver ».</summary>
    public IMessageActivity EraseQuestion(string language) => MessageFactory.Attachment(cards.Ask(String("eraseQuestion", language),
        (String("eraseYes", language), Lifecycle.DataErasureMiddleware.EraseCommand),
        (String("eraseNo", language), Lifecycle.DataErasureMiddleware.KeepCommand)));

    /// <summary>
    /// The card of one node: a question with its choices, or an answer with its help links and Oui / Non. A retry
    /// says first that the answer was not understood and shows the same card again, so the buttons are at hand.
    /// </summary>
    public IMessageActivity NodeCard(FlowDefinition flow, FlowNode node, string language, bool isRetry = false)
    {
        var card = MessageFactory.Attachment(kept.Node(flow, node, language));
        if (isRetry)
        {
            card.Text = String("notUnderstood", language);
        }
        return card;
    }

    /// <summary>Stored state that no longer fits the content or the code: an apology, then the menu.</summary>
    public IMessageActivity[] Recovered(string language) => [Text("recovered", language), Menu(language)];
}

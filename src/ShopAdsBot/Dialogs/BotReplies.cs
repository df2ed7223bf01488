using BotDialogs;
using BotDialogs.Choices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Cards;
using ShopAdsBot.Content;
using ShopAdsBot.Localization;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// Every message the bot sends, built from the content (dialogs/, cards/, seeds/) in the user's language.
/// The dialogs decide what to say; this class only knows how it looks.
/// </summary>
public sealed class BotReplies(ContentCatalog content)
{
    public ContentCatalog Content { get; } = content;

    public CardFactory Cards { get; } = new(content);

    public static string LanguageOf(ITurnContext turnContext) => BotLanguage.Of(turnContext);

    public string String(string key, string language, params (string Name, string Value)[] values) =>
        Content.Menu.Text(key, language, values);

    public IMessageActivity Text(string key, string language, params (string Name, string Value)[] values) =>
        MessageFactory.Text(String(key, language, values));

    /// <summary>A short message card with a button back to the menu.</summary>
    public IMessageActivity NoticeWithMenu(string key, string language, params (string Name, string Value)[] values) =>
        MessageFactory.Attachment(Cards.Notice(String(key, language, values), language, withMenuButton: true));

    public IMessageActivity Welcome(string language) => MessageFactory.Attachment(Cards.Welcome(language));

    public IMessageActivity Menu(string language) => MessageFactory.Attachment(Cards.Menu(language));

    public IMessageActivity Suggestions(IReadOnlyList<string> branchIds, string language) =>
        MessageFactory.Attachment(Cards.Suggestions(branchIds, language));

    /// <summary>The clarifying question when the two best branches are too close: one short question, the two choices.</summary>
    public IMessageActivity Clarify(Clarification choices, string language) =>
        MessageFactory.Attachment(Cards.Suggestions([choices.First, choices.Second], language, "clarifyTitle"));

    /// <summary>The card of one node: a question with its choices, or an answer with its help links and Oui / Non.</summary>
    public Activity NodeCard(FlowDefinition flow, FlowNode node, string language) =>
        (Activity)MessageFactory.Attachment(node.IsQuestion ? Cards.Question(flow, node, language) : Cards.Answer(flow, node, language));

    /// <summary>What the prompt of a node shows and accepts. Only the plain parts (choices, reference) are persisted.</summary>
    public PromptOptions PromptFor(FlowDefinition flow, FlowNode node, string language) => new()
    {
        Prompt = NodeCard(flow, node, language),
        Choices = node.IsQuestion ? ChoicesOf(node) : null,
        Style = ListStyle.None,
        Locale = language,
        Reference = new FlowPosition(flow.Id, node.Id).ToJson(),
    };

    /// <summary>
    /// Rebuilds a prompt's card from its persisted reference on a later turn: a retry says it did not understand
    /// and shows the same card again, so the buttons are at hand.
    /// </summary>
    public Task<IMessageActivity?> RenderPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var language = LanguageOf(turnContext);
        if (FlowPosition.From(options.Reference) is not { } position
            || !Content.Flows.TryGetValue(position.Branch, out var flow)
            || flow.FindNode(position.Node) is not { } node)
        {
            return Task.FromResult<IMessageActivity?>(null);
        }

        var card = NodeCard(flow, node, language);
        if (isRetry)
        {
            card.Text = String("notUnderstood", language);
        }
        return Task.FromResult<IMessageActivity?>(card);
    }

    /// <summary>A question's choices for recognition: the choice id is the value; both titles and the synonyms are accepted.</summary>
    public static IList<Choice> ChoicesOf(FlowNode node) => node.Choices.Select(ToChoice).ToList();

    private static Choice ToChoice(FlowChoice choice) => new(choice.Id)
    {
        Synonyms = new[] { choice.Title.Fr, choice.Title.En }
            .Concat(choice.SynonymsFor(BotLanguage.French))
            .Concat(choice.SynonymsFor(BotLanguage.English))
            .Where(s => s.Length > 0)
            .Distinct()
            .ToList(),
    };
}

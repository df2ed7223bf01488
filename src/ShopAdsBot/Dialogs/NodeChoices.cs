using BotDialogs.Choices;
using ShopAdsBot.Content;
using ShopAdsBot.Localization;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// The choices of every question node, built once from the content: the choice id is the value; both titles and the
/// synonyms are accepted. The prompts' stored options name the choices by id only (<see cref="IdsOf"/>), so no title or
/// synonym is ever stored with a conversation; recognition reads them from here, from the content of the running app.
/// </summary>
public sealed class NodeChoices
{
    private readonly Dictionary<(string Branch, string Node), IList<Choice>> choices = [];

    public NodeChoices(ContentCatalog content)
    {
        foreach (var flow in content.Flows.Values)
        {
            foreach (var node in flow.Nodes.Where(n => n.IsQuestion))
            {
                choices[(flow.Id, node.Id)] = node.Choices.Select(ToChoice).ToList().AsReadOnly();
            }
        }
    }

    /// <summary>The node's choices with their titles and synonyms in both languages; null when it is not a question node.</summary>
    public IList<Choice>? For(FlowPosition position) => choices.GetValueOrDefault((position.Branch, position.Node));

    /// <summary>What a prompt's options carry: the choice ids, nothing of the content.</summary>
    public static IList<Choice> IdsOf(FlowNode node) => node.Choices.Select(c => new Choice(c.Id)).ToList();

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

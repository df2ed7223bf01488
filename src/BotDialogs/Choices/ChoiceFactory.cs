using Microsoft.Bot.Schema;

namespace BotDialogs.Choices;

/// <summary>Small helpers to build choice lists and show them, for prompts that do not bring their own card.</summary>
public static class ChoiceFactory
{
    public static IList<Choice> ToChoices(IEnumerable<string> values)
        => values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => new Choice(v)).ToList();

    /// <summary>Adds the choices to <paramref name="activity"/> as suggested actions (imBack with the choice's title).</summary>
    public static IMessageActivity AddSuggestedActions(IMessageActivity activity, IEnumerable<Choice> choices)
    {
        var actions = choices.Select(c => new CardAction
        {
            Type = ActionTypes.ImBack,
            Title = c.Action?.Title ?? c.Value,
            Value = c.Action?.Title ?? c.Value,
        }).ToList();
        activity.SuggestedActions = new SuggestedActions { Actions = actions };
        return activity;
    }
}

using Microsoft.Bot.Schema;

namespace BotDialogs.Choices;

/// <summary>One answer a prompt accepts: its value (what a card submits), optional display action and synonyms.</summary>
public class Choice
{
    public Choice()
    {
    }

    public Choice(string value) => Value = value;

    /// <summary>The value returned when chosen; also what a card button submits.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>How the choice is shown; its Title is recognised too.</summary>
    public CardAction? Action { get; set; }

    /// <summary>Other words that select this choice (titles in every language, short forms).</summary>
    public List<string>? Synonyms { get; set; }
}

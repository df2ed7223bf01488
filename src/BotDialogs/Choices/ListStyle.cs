namespace BotDialogs.Choices;

/// <summary>How a prompt shows its choices. Use <see cref="None"/> when the prompt activity already shows them (a card).</summary>
public enum ListStyle
{
    /// <summary>Nothing is added to the prompt activity.</summary>
    None,

    /// <summary>Here the same as <see cref="SuggestedAction"/>.</summary>
    Auto,

    /// <summary>Here the same as <see cref="SuggestedAction"/>.</summary>
    Inline,

    /// <summary>Here the same as <see cref="SuggestedAction"/>.</summary>
    List,

    /// <summary>The choices become suggested-action buttons that post back their value.</summary>
    SuggestedAction,

    /// <summary>Here the same as <see cref="SuggestedAction"/>.</summary>
    HeroCard,
}

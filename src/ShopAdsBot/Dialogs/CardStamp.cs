using BotDialogs;

namespace ShopAdsBot.Dialogs;

/// <summary>The flow, node and choice a card button is stamped with ({"flow", "node", "choice"} in its submit data).</summary>
public sealed record CardStamp(string Flow, string Node, string Choice)
{
    public static CardStamp? From(DialogInput input) =>
        input.Value?.Value<string>("flow") is { } flow && input.Value.Value<string>("node") is { } node && input.ChoiceValue is { } choice
            ? new CardStamp(flow, node, choice)
            : null;
}

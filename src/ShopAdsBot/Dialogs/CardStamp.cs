using ShopAdsBot.Dialogs.Input;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// The branch, node and choice a card button is stamped with. In the submit data the branch id is under "flow": that
/// key is the cards' wire format (cards already sent in Teams carry it), so it stays.
/// </summary>
public sealed record CardStamp(string Branch, string Node, string Choice)
{
    public static CardStamp? From(DialogInput input) =>
        input.Value?.Value<string>("flow") is { } branch && input.Value.Value<string>("node") is { } node && input.ChoiceValue is { } choice
            ? new CardStamp(branch, node, choice)
            : null;
}

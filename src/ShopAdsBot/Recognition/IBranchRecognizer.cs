namespace ShopAdsBot.Recognition;

/// <summary>
/// What the conversation needs from understanding: which branch a typed message names, and how sure that is.
/// <see cref="ShopAdsRecognizer"/> is the implementation; MainDialog's routing rules are tested against stand-ins.
/// </summary>
public interface IBranchRecognizer
{
    RouteResult Recognize(string? text, string? locale = null);
}

namespace ShopAdsBot.Recognition;

/// <summary>One example message and the branch it belongs to ("none" = out of scope).</summary>
public sealed record LabelledUtterance(string Branch, string Lang, string Text);

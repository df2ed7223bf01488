namespace ShopAdsBot.Recognition;

/// <summary>How sure the recognizer is; the conversation acts differently on each band.</summary>
public enum Confidence
{
    /// <summary>Out of scope, or too weak a guess to act on: answer honestly.</summary>
    Low,
    /// <summary>Plausible: offer the top alternatives ("Vouliez-vous dire… ?").</summary>
    Medium,
    /// <summary>Start the branch directly.</summary>
    High,
}

/// <summary>A branch id with its score (0..1).</summary>
public sealed record BranchScore(string Branch, double Score);

/// <summary>The outcome of recognising one message.</summary>
/// <param name="TopIntent">Best branch id, or <see cref="ShopAdsRecognizer.NoneIntent"/> when rejected.</param>
/// <param name="Score">Probability of the best in-scope branch (0..1).</param>
/// <param name="Alternatives">In-scope branches, best first (the top one included).</param>
/// <param name="Confidence">Band chosen from <see cref="ShopAdsRecognizer.HighThreshold"/> and <see cref="ShopAdsRecognizer.MediumThreshold"/>.</param>
/// <param name="Text">The message as analysed: plain text, control characters removed, truncated.</param>
public sealed record RouteResult(string TopIntent, double Score, IReadOnlyList<BranchScore> Alternatives, Confidence Confidence, string Text)
{
    public bool IsOutOfScope => Confidence == Confidence.Low;

    /// <summary>
    /// Set when the two best branches are too close to choose: the bot asks one short question with these two choices
    /// (best first) instead of guessing. Null otherwise.
    /// </summary>
    public Clarification? Clarify { get; init; }

    /// <summary>
    /// The choice of the branch's first question that the message already answers ("my shop is in the US"): the flow
    /// starts at that answer. Null when the message answers nothing, or is not routed.
    /// </summary>
    public string? StartChoice { get; init; }
}

/// <summary>The two branches a clarifying question offers, best first.</summary>
public sealed record Clarification(string First, string Second);

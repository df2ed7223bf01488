namespace ShopAdsBot.Recognition;

/// <summary>A model that gives each class a probability for a message's features; the recognizer blends several.</summary>
public interface IClassProbabilities
{
    /// <summary>One probability per class into <paramref name="output"/>, summing to 1.</summary>
    void Probabilities(SparseVector x, Span<double> output);
}

using ShopAdsBot.Evaluation;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>Builds the production recognizer once (the app's own sources and build, flow titles included) for all recognition tests.</summary>
public sealed class RecognizerFixture
{
    public RecognizerSources Sources { get; } = EvaluationData.ProductionSources();
    public ShopAdsRecognizer Recognizer { get; }
    public RoutingKeywords Keywords => Sources.Keywords;
    public IReadOnlyList<LabelledUtterance> Examples => Sources.Examples;

    public RecognizerFixture() => Recognizer = Sources.Build();
}

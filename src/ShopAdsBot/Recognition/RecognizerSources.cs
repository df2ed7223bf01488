using ShopAdsBot.Content;

namespace ShopAdsBot.Recognition;

/// <summary>
/// Everything the production recognizer is built from: the hand-written domain knowledge (seeds/routing-keywords.json),
/// the example messages (seeds/routing-examples.tsv) and each flow's title and summary in both languages.
/// The app and the accuracy tests build the recognizer through <see cref="Build"/>, so what is measured is what runs.
/// </summary>
public sealed record RecognizerSources(RoutingKeywords Keywords, IReadOnlyList<LabelledUtterance> Examples, IReadOnlyList<LabelledUtterance> FlowTexts)
{
    /// <summary>The phrases that answer each flow's first question (dialogs/*.json "answeredBy").</summary>
    public FirstAnswers Answers { get; init; } = FirstAnswers.None;

    public static RecognizerSources Load(ContentCatalog content)
    {
        var seeds = Path.Combine(content.Root, "seeds");
        var flowTexts = content.Flows.Values.SelectMany(flow => new[]
        {
            new LabelledUtterance(flow.Id, "fr", flow.Title.Fr),
            new LabelledUtterance(flow.Id, "en", flow.Title.En),
            new LabelledUtterance(flow.Id, "fr", flow.Summary.Fr),
            new LabelledUtterance(flow.Id, "en", flow.Summary.En),
        }).ToList();
        return new RecognizerSources(
            RoutingSeeds.ReadKeywords(Path.Combine(seeds, RoutingSeeds.KeywordsFile)),
            RoutingSeeds.ReadUtterances(Path.Combine(seeds, RoutingSeeds.ExamplesFile)),
            flowTexts) { Answers = FirstAnswers.From(content) };
    }

    /// <summary>Every labelled text the classifier learns from: examples, key phrases, flow titles and summaries.</summary>
    public IEnumerable<LabelledUtterance> Training => Examples.Concat(Keywords.AsUtterances()).Concat(FlowTexts);

    public ShopAdsRecognizer Build(RecognizerOptions? options = null) => new(Keywords, Examples.Concat(FlowTexts), options) { Answers = Answers };
}

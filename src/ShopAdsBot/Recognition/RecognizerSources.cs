using ShopAdsBot.Content;

namespace ShopAdsBot.Recognition;

/// <summary>
/// Everything the production recognizer is built from: the content's branches (its classes, in the menu's order), the
/// hand-written domain knowledge (seeds/routing-keywords.json), the example messages (seeds/routing-examples.tsv) and
/// each flow's title and summary in both languages.
/// The app and the accuracy tests build the recognizer through <see cref="Build"/>, so what is measured is what runs.
/// </summary>
public sealed record RecognizerSources(IReadOnlyList<string> BranchIds, RoutingKeywords Keywords, IReadOnlyList<LabelledUtterance> Examples, IReadOnlyList<LabelledUtterance> FlowTexts)
{
    /// <summary>The phrases that answer each flow's first question (dialogs/*.json "answeredBy").</summary>
    public FirstAnswers Answers { get; init; } = FirstAnswers.None;

    /// <summary>Reads the seeds; a label that is not a branch of the content (nor "none") is a <see cref="ContentException"/>.</summary>
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
            content.BranchIds,
            RoutingSeeds.ReadKeywords(Path.Combine(seeds, RoutingSeeds.KeywordsFile), content.BranchIds),
            RoutingSeeds.ReadUtterances(Path.Combine(seeds, RoutingSeeds.ExamplesFile), content.BranchIds),
            flowTexts) { Answers = FirstAnswers.From(content) };
    }

    /// <summary>Every labelled text the classifier learns from: examples, key phrases, flow titles and summaries.</summary>
    public IEnumerable<LabelledUtterance> Training => Examples.Concat(Keywords.AsUtterances()).Concat(FlowTexts);

    public ShopAdsRecognizer Build(RecognizerOptions? options = null) => new(BranchIds, Keywords, Examples.Concat(FlowTexts), options) { Answers = Answers };
}

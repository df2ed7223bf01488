using ShopAdsBot.Content;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Evaluation;

/// <summary>The evaluation sets and the production model's sources, found from wherever the tests or benchmarks run.</summary>
public static class EvaluationData
{
    /// <summary>
    /// The test set: written by someone else, blind, and looked at once for the final figures of issue #16.
    /// Never in the model, never tuned on (docs/recognizer.md says which set was looked at when).
    /// </summary>
    public const string TestFile = "routing-test.tsv";

    /// <summary>The repository root (the folder with seeds/ and dialogs/), as the app finds it.</summary>
    public static string Root() => ContentCatalog.LocateRoot();

    /// <summary>The sources the app builds its recognizer from (<see cref="RecognizerSources.Load"/>).</summary>
    public static RecognizerSources ProductionSources() => RecognizerSources.Load(ContentCatalog.Load(Root()));

    /// <summary>
    /// Read from the repository: the app does not ship it (src/ShopAdsBot/ShopAdsBot.csproj). A label that is not one of
    /// <paramref name="branchIds"/> (the content's branches, e.g. <see cref="RecognizerSources.BranchIds"/>) nor "none"
    /// is a ContentException naming the line: the model could never answer it.
    /// </summary>
    public static IReadOnlyList<LabelledUtterance> TestSet(IReadOnlyCollection<string> branchIds) =>
        RoutingSeeds.ReadUtterances(Path.Combine(ContentCatalog.LocateSourceRoot(), "seeds", TestFile), branchIds);
}

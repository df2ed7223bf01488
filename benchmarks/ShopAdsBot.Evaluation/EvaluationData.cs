using ShopAdsBot.Content;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Evaluation;

/// <summary>The evaluation sets and the production model's sources, found from wherever the tests or benchmarks run.</summary>
public static class EvaluationData
{
    /// <summary>
    /// The test set: written by someone else, blind, and looked at once for the final figures of issue #16 (v3 from
    /// pass 3; v2 and the sets before it are training data now).
    /// Never in the model, never tuned on (docs/recognizer.md says which set was looked at when).
    /// </summary>
    public const string TestFile = "routing-test.tsv";

    /// <summary>The repository root (the folder with seeds/ and dialogs/), as the app finds it.</summary>
    public static string Root() => ContentCatalog.LocateRoot();

    /// <summary>The sources the app builds its recognizer from (<see cref="RecognizerSources.Load"/>).</summary>
    public static RecognizerSources ProductionSources() => RecognizerSources.Load(ContentCatalog.Load(Root()));

    /// <summary>
    /// The examples of one numbered section of seeds/routing-examples.tsv (from its "# n." line to the next numbered
    /// one), to measure what a batch of examples brings (docs/recognizer.md).
    /// </summary>
    public static IReadOnlySet<LabelledUtterance> ExampleSection(int number)
    {
        var path = Path.Combine(Root(), "seeds", RoutingSeeds.ExamplesFile);
        var section = 0;
        var result = new HashSet<LabelledUtterance>();
        foreach (var line in File.ReadLines(path))
        {
            var numbered = System.Text.RegularExpressions.Regex.Match(line, @"^# (\d+)\.");
            if (numbered.Success) section = int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            else if (section == number && line.Split('\t') is [var branch, var lang, var text]) result.Add(new LabelledUtterance(branch.Trim(), lang.Trim(), text.Trim()));
        }
        return result;
    }

    /// <summary>
    /// Read from the repository: the app does not ship it (src/ShopAdsBot/ShopAdsBot.csproj). A label that is not one of
    /// <paramref name="branchIds"/> (the content's branches, e.g. <see cref="RecognizerSources.BranchIds"/>) nor "none"
    /// is a ContentException naming the line: the model could never answer it.
    /// </summary>
    public static IReadOnlyList<LabelledUtterance> TestSet(IReadOnlyCollection<string> branchIds) =>
        RoutingSeeds.ReadUtterances(TestSetPath(), branchIds);

    /// <summary>
    /// The test set's path. Between two test sets the file is absent (the last one joined the training data): every
    /// evaluation on it then fails with this message instead of passing or skipping on nothing.
    /// </summary>
    public static string TestSetPath()
    {
        var path = Path.Combine(ContentCatalog.LocateSourceRoot(), "seeds", TestFile);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"No test set: seeds/{TestFile} is missing. The previous one became training data (docs/recognizer.md, " +
                "\"Which set was looked at when\"); a new blind set, written by someone who has not seen the model, must be " +
                "added there before landing. The test-set tests fail until then; they must never be skipped.", path);
        return path;
    }
}

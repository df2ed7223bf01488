using ShopAdsBot.Recognition;

namespace ShopAdsBot.Evaluation;

/// <summary>One cross-validation fold: its test messages and the sources its model is built from.</summary>
public sealed record Fold(int Index, IReadOnlyList<LabelledUtterance> Test, RecognizerSources Train);

/// <summary>
/// Accuracy that cannot flatter. Cross-validation builds each fold's model the production way
/// (<see cref="RecognizerSources.Build"/>: examples, key phrases, flow titles and summaries), minus the fold's examples
/// and minus every training text that shares a three-word phrase with one of them (<see cref="PhraseOverlap"/>), key
/// phrases and flow texts included. Top-1 counts a message as right only when its best branch is right AND it was
/// not rejected; top-3 when the right branch is among the three best; an out-of-scope message is rejected when the
/// band is Low.
/// </summary>
public static class RecognizerEvaluation
{
    public static AccuracyReport CrossValidate(RecognizerSources sources, int folds = 5, int seed = 42, RecognizerOptions? options = null, string? title = null,
        IReadOnlySet<LabelledUtterance>? testOnly = null) =>
        Score(title ?? $"{folds}-fold stratified cross-validation (seed {seed}) over {sources.Examples.Count} example messages, leaking phrases removed from training",
            sources.BranchIds, CrossValidatedOutcomes(sources, folds, seed, options, testOnly: testOnly));

    /// <summary>
    /// Each example recognised by its fold's model. <paramref name="testOnly"/>: examples that are recognised in their
    /// fold but never trained on (what a batch of new examples brings, measured on the same messages with and without it).
    /// </summary>
    public static IReadOnlyList<(LabelledUtterance Gold, RouteResult Got)> CrossValidatedOutcomes(RecognizerSources sources, int folds = 5, int seed = 42,
        RecognizerOptions? options = null, Func<string, string>? perturb = null, IReadOnlySet<LabelledUtterance>? testOnly = null)
    {
        var outcomes = new List<(LabelledUtterance, RouteResult)>();
        foreach (var fold in Folds(sources, folds, seed, testOnly))
        {
            var recognizer = fold.Train.Build(options);
            outcomes.AddRange(fold.Test.Select(e => (e, recognizer.Recognize(perturb is null ? e.Text : perturb(e.Text), e.Lang))));
        }
        return outcomes;
    }

    /// <summary>The folds: examples dealt by branch; each fold's training sources purged of the phrases of its test messages.</summary>
    public static IReadOnlyList<Fold> Folds(RecognizerSources sources, int folds = 5, int seed = 42, IReadOnlySet<LabelledUtterance>? testOnly = null)
    {
        var assignment = StratifiedFolds(sources.Examples, folds, seed);
        var result = new List<Fold>();
        for (var f = 0; f < folds; f++)
        {
            var test = sources.Examples.Where((_, i) => assignment[i] == f).ToList();
            var leaking = new PhraseOverlap(sources.Keywords.Stopwords, test.Select(t => t.Text));
            bool Clean(string text) => leaking.Shared(text).Count == 0;
            var branches = sources.Keywords.Branches.ToDictionary(
                b => b.Key,
                b => (IReadOnlyDictionary<string, IReadOnlyList<string>>)b.Value.ToDictionary(l => l.Key, l => (IReadOnlyList<string>)l.Value.Where(Clean).ToList()));
            var train = new RecognizerSources(
                sources.BranchIds,
                sources.Keywords with { Branches = branches },
                sources.Examples.Where((e, i) => assignment[i] != f && Clean(e.Text) && testOnly?.Contains(e) != true).ToList(),
                sources.FlowTexts.Where(t => Clean(t.Text)).ToList());
            result.Add(new Fold(f, test, train));
        }
        return result;
    }

    public static AccuracyReport Evaluate(ShopAdsRecognizer recognizer, IEnumerable<LabelledUtterance> messages, string title) =>
        Score(title, recognizer.BranchIds, messages.Select(e => (e, recognizer.Recognize(e.Text, e.Lang))).ToList());

    /// <summary>
    /// Adds typos the way people make them: in about one word of three (4+ letters), one random edit (drop, double,
    /// swap two neighbours, or replace with a random letter), plus accents dropped. Fixed seed.
    /// </summary>
    public static Func<string, string> TypoPerturbation(int seed)
    {
        var rng = new Random(seed);
        return text =>
        {
            var words = TextNormalizer.Fold(text).Split(' ');
            for (var w = 0; w < words.Length; w++)
            {
                var word = words[w];
                if (word.Length < 4 || !word.All(char.IsLetter) || rng.Next(3) != 0) continue;
                var i = rng.Next(1, word.Length - 1);
                words[w] = rng.Next(4) switch
                {
                    0 => word.Remove(i, 1),
                    1 => word.Insert(i, word[i].ToString()),
                    2 => word[..i] + word[i + 1] + word[i] + word[(i + 2)..],
                    _ => word[..i] + "azertyuiopqsdfghjklmwxcvbn"[rng.Next(26)] + word[(i + 1)..],
                };
            }
            return string.Join(' ', words);
        };
    }

    /// <summary>Each branch's examples are shuffled with a fixed seed and dealt round-robin into the folds.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<LabelledUtterance> examples, int folds, int seed)
    {
        var fold = new int[examples.Count];
        var rng = new Random(seed);
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Branch).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            rng.Shuffle(members);
            for (var k = 0; k < members.Length; k++) fold[members[k]] = k % folds;
        }
        return fold;
    }

    /// <summary>The figures of the outcomes; <paramref name="branchIds"/> (the model's classes) orders the tables.</summary>
    public static AccuracyReport Score(string title, IReadOnlyList<string> branchIds, IReadOnlyList<(LabelledUtterance Gold, RouteResult Got)> outcomes)
    {
        var byLang = new Dictionary<string, AccuracyFigures>(StringComparer.Ordinal);
        var byBranch = new Dictionary<string, AccuracyFigures>(StringComparer.Ordinal);
        var confusion = new Dictionary<(string, string), int>();
        var errors = new List<string>();
        var clarified = 0;
        foreach (var (gold, got) in outcomes)
        {
            AccuracyFigures f;
            var rejected = got.Confidence == Confidence.Low;
            if (got.Clarify is not null) clarified++;
            if (gold.Branch == ShopAdsRecognizer.NoneIntent)
            {
                f = new AccuracyFigures(0, 0, 0, 0, 1, rejected ? 1 : 0);
                if (!rejected) errors.Add($"[{gold.Lang}] none accepted as {got.TopIntent} ({got.Score:F2}, {got.Confidence}): {gold.Text}");
            }
            else
            {
                var top1 = !rejected && got.TopIntent == gold.Branch;
                var top3 = got.Alternatives.Take(3).Any(a => a.Branch == gold.Branch);
                f = new AccuracyFigures(1, top1 ? 1 : 0, top3 ? 1 : 0, rejected ? 1 : 0, 0, 0);
                if (!top1)
                {
                    var best = got.Alternatives.Count > 0 ? got.Alternatives[0] : new BranchScore("-", 0);
                    errors.Add($"[{gold.Lang}] {gold.Branch} → {got.TopIntent} (best {best.Branch} {best.Score:F2}, {got.Confidence}): {gold.Text}");
                }
            }
            byLang[gold.Lang] = (byLang.TryGetValue(gold.Lang, out var l) ? l : AccuracyFigures.Zero).Add(f);
            byBranch[gold.Branch] = (byBranch.TryGetValue(gold.Branch, out var b) ? b : AccuracyFigures.Zero).Add(f);
            var key = (gold.Branch, rejected ? ShopAdsRecognizer.NoneIntent : got.TopIntent);
            confusion[key] = confusion.GetValueOrDefault(key) + 1;
        }
        var all = byLang.Values.Aggregate(AccuracyFigures.Zero, (a, b) => a.Add(b));
        return new AccuracyReport(title, [.. branchIds, ShopAdsRecognizer.NoneIntent], all, byLang, byBranch, confusion, outcomes.Count, clarified, errors);
    }
}

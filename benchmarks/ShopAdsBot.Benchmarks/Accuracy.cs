using ShopAdsBot.Evaluation;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Benchmarks;

/// <summary>The figures of docs/recognizer.md.</summary>
internal static class Accuracy
{
    public static void Run(bool showErrors, bool ablation, bool testSet, bool markdown, int seed = 42, int section = 14)
    {
        var sources = EvaluationData.ProductionSources();
        Console.WriteLine($"Thresholds: High >= {ShopAdsRecognizer.HighThreshold}, Medium >= {ShopAdsRecognizer.MediumThreshold}, below = out of scope");
        Print(RecognizerEvaluation.CrossValidate(sources, seed: seed), showErrors, markdown);
        if (testSet)
        {
            // The test set is looked at once, for the final figures: never tune on what this prints (docs/recognizer.md).
            var test = EvaluationData.TestSet(sources.BranchIds);
            Print(RecognizerEvaluation.Evaluate(sources.Build(), test, $"Test set ({test.Count} messages in seeds/{EvaluationData.TestFile}, production model)"), showErrors, markdown);
        }
        if (!ablation) return;
        // What a batch of examples brings (--section N, pass 5's batches: 14): the same messages, with it recognised in its fold but never trained on.
        var batch = EvaluationData.ExampleSection(section);
        Print(RecognizerEvaluation.CrossValidate(sources, seed: seed, testOnly: batch, title: $"CV without training on section {section} of the examples ({batch.Count} messages, still tested)"), showErrors, false);
        var rest = sources with { Examples = sources.Examples.Where(e => !batch.Contains(e)).ToList() };
        Print(RecognizerEvaluation.CrossValidate(rest, seed: seed, title: $"CV on the examples before section {section} ({rest.Examples.Count}), not trained on it"), false, false);
        Print(RecognizerEvaluation.Score($"CV on the examples before section {section}, trained on it too", sources.BranchIds,
            RecognizerEvaluation.CrossValidatedOutcomes(sources, seed: seed).Where(o => !batch.Contains(o.Gold)).ToList()), false, false);
        ThresholdSweep(RecognizerEvaluation.CrossValidatedOutcomes(sources, seed: seed));
        foreach (var (name, options) in Variants)
            Print(RecognizerEvaluation.CrossValidate(sources, seed: seed, options: options, title: "CV " + name), false, false);
        // Typo robustness: the same cross-validation, with typos added to each held-out message.
        foreach (var (name, options) in Variants.Take(4))
            Print(RecognizerEvaluation.Score($"CV with typos added to the held-out fold, {name}", sources.BranchIds,
                RecognizerEvaluation.CrossValidatedOutcomes(sources, seed: seed, options: options, perturb: RecognizerEvaluation.TypoPerturbation(7))), false, false);
    }

    /// <summary>
    /// Pass 4's comparison: each candidate judged by the average over four deals of the folds (seeds 42, 1, 2, 3), with
    /// the same deals' typos line (typos added to the held-out fold) and its build time (median of 11 builds, wall and
    /// CPU). The test set is never read here (pass 6: it is the next blind set, looked at once with `accuracy --test`).
    /// <paramref name="only"/>: run only the candidates whose name contains one of its '|'-separated parts.
    /// </summary>
    /// <paramref name="fast"/>: no typos line and 3 builds instead of 11 (screens; pass 8's `--fast`).
    public static void Compare(string? only, bool sweep, bool fast = false)
    {
        var sources = EvaluationData.ProductionSources();
        var content = ShopAdsBot.Content.ContentCatalog.Load(EvaluationData.Root());
        var loads = Enumerable.Range(0, 7).Select(_ =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            RecognizerSources.Load(content);
            return watch.Elapsed.TotalMilliseconds;
        }).Order().ToList();
        Console.WriteLine($"reading the seeds (RecognizerSources.Load), median of 7: {loads[3]:F1} ms; {sources.Examples.Count} examples");
        Console.WriteLine("candidate | CV top-1 / wrongly rejected / rejection / clarified (avg of seeds 42,1,2,3) | per seed top-1 | per seed rejection | CV top-1 by language | typos: top-1 / rejection | build ms (median)");
        var parts = only?.Split('|', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (name, options) in Candidates.Where(c => parts is null || parts.Any(p => c.Name.Contains(p, StringComparison.OrdinalIgnoreCase))))
        {
            var seeds = new[] { 42, 1, 2, 3 };
            var outcomes = seeds.Select(seed => RecognizerEvaluation.CrossValidatedOutcomes(sources, seed: seed, options: options)).ToList();
            var reports = outcomes.Select(o => RecognizerEvaluation.Score("", sources.BranchIds, o)).ToList();
            var typos = fast ? [] : seeds.Select(seed => RecognizerEvaluation.Score("", sources.BranchIds,
                RecognizerEvaluation.CrossValidatedOutcomes(sources, seed: seed, options: options, perturb: RecognizerEvaluation.TypoPerturbation(7)))).ToList();
            // Wall time and CPU time (all threads) per build: on a shared, saturated machine the CPU time is the steadier figure.
            var times = new List<double>();
            var cpu = new List<double>();
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var builds = fast ? 3 : 11;
            for (var i = 0; i < builds; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = System.Diagnostics.Stopwatch.StartNew();
                sources.Build(options);
                times.Add(watch.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
            times.Sort();
            cpu.Sort();
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv,
                $"{name} | {reports.Average(r => r.All.Top1Rate),6:P2} / {reports.Average(r => r.All.FalseRejectionRate),5:P2} / {reports.Average(r => r.All.RejectionRate),6:P2} / {reports.Average(r => r.ClarifiedRate),5:P2} | {string.Join(" ", reports.Select(r => r.All.Top1Rate.ToString("P1", inv)))} | {string.Join(" ", reports.Select(r => r.All.RejectionRate.ToString("P1", inv)))} | FR {reports.Average(r => r.ByLanguage["fr"].Top1Rate),6:P2} EN {reports.Average(r => r.ByLanguage["en"].Top1Rate),6:P2} | {(fast ? "-" : $"{typos.Average(r => r.All.Top1Rate):P2} / {typos.Average(r => r.All.RejectionRate):P2}")} | {times[builds / 2],5:F0} wall, {cpu[builds / 2],5:F0} CPU"));
            // Where seed 42's misses go (gold → routed, "none" included), to see which neighbours an idea moves.
            Console.WriteLine("  seed 42, most frequent confusions: " + string.Join(", ", outcomes[0]
                .Where(o => o.Gold.Branch != o.Got.TopIntent)
                .GroupBy(o => $"{o.Gold.Branch} → {o.Got.TopIntent}")
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(14)
                .Select(g => $"{g.Key} {g.Count()}")));
            if (sweep) ThresholdSweep(outcomes.SelectMany(o => o).ToList());
        }
    }

    // Each idea on top of the chosen model (pass 4's SGD settings). Pass 3's settings: "pass 3 model".
    private static readonly (string Name, RecognizerOptions Options)[] Candidates =
    [
        ("chosen (pass 6)", RecognizerOptions.Default),
        ("pass 3 model", new RecognizerOptions(NoneWeight: 1f, NeighboursWeight: 0, Sgd: new SgdSettings(Epochs: 20, LearningRate: 0.5f, L2: 1e-4f, Smoothing: 0))),
        ("LR only: without the nearest neighbours, none weight 1", new RecognizerOptions(NoneWeight: 1f, NeighboursWeight: 0)),
        ("LR only, none weight 1.4", new RecognizerOptions(NeighboursWeight: 0)),
        ("neighbours 0.2, none weight 1", new RecognizerOptions(NoneWeight: 1f)),
        ("20 epochs", new RecognizerOptions(Sgd: new SgdSettings(Epochs: 20))),
        ("15 epochs", new RecognizerOptions(Sgd: new SgdSettings(Epochs: 15))),
        ("10 epochs", new RecognizerOptions(Sgd: new SgdSettings(Epochs: 10))),
        ("rate 2.0", new RecognizerOptions(Sgd: new SgdSettings(LearningRate: 2.0f))),
        ("L2 1e-5", new RecognizerOptions(Sgd: new SgdSettings(L2: 1e-5f))),
        ("averaged SGD", new RecognizerOptions(Sgd: new SgdSettings(Averaged: true))),
        ("suffix folding", new RecognizerOptions(SuffixFolding: true)),
        ("skip pairs", new RecognizerOptions(SkipPairs: true)),
        ("none weight 0.8", new RecognizerOptions(NoneWeight: 0.8f)),
        ("none weight 0.6", new RecognizerOptions(NoneWeight: 0.6f)),
        ("none weight 1.2", new RecognizerOptions(NoneWeight: 1.2f)),
        ("two seeds averaged", new RecognizerOptions(TwoSeeds: true)),
        ("complement NB 0.1", new RecognizerOptions(BayesWeight: 0.1, BayesScale: 10)),
        ("complement NB 0.3", new RecognizerOptions(BayesWeight: 0.3, BayesScale: 10)),
        ("two-stage scope then branch, averaged with the single classifier", new RecognizerOptions(SeparateScopeModel: true)),
        ("two-stage scope then branch only", new RecognizerOptions(SeparateScopeModel: true, SingleModel: false)),
        ("without key phrases", new RecognizerOptions(UseKeyPhrases: false)),
        ("without character n-grams", new RecognizerOptions(UseCharNgrams: false)),
        ("weights: pairs 0.3", new RecognizerOptions(FeatureWeights: (0.3f, 0.8f, 1f))),
        ("weights: pairs 1.0", new RecognizerOptions(FeatureWeights: (1.0f, 0.8f, 1f))),
        ("weights: characters 0.5", new RecognizerOptions(FeatureWeights: (0.6f, 0.5f, 1f))),
        ("weights: characters 1.2", new RecognizerOptions(FeatureWeights: (0.6f, 1.2f, 1f))),
        ("weights: signals 0.5", new RecognizerOptions(FeatureWeights: (0.6f, 0.8f, 0.5f))),
        ("weights: signals 2.0", new RecognizerOptions(FeatureWeights: (0.6f, 0.8f, 2.0f))),
        ("neighbours: 5 nearest, 0.2", new RecognizerOptions(NeighboursWeight: 0.2, Neighbours: 5)),
        ("neighbours: 5 nearest, 0.4", new RecognizerOptions(NeighboursWeight: 0.4, Neighbours: 5)),
        ("neighbours: 10 nearest, 0.3", new RecognizerOptions(NeighboursWeight: 0.3, Neighbours: 10)),
        ("neighbours: 3 nearest, 0.3", new RecognizerOptions(NeighboursWeight: 0.3, Neighbours: 3)),
        ("neighbours: 5 nearest, 0.1", new RecognizerOptions(NeighboursWeight: 0.1, Neighbours: 5)),
        ("neighbours: 5 nearest, 0.15", new RecognizerOptions(NeighboursWeight: 0.15, Neighbours: 5)),
        ("neighbours: 5 nearest, 0.25", new RecognizerOptions(NeighboursWeight: 0.25, Neighbours: 5)),
        ("neighbours: 7 nearest, 0.2", new RecognizerOptions(NeighboursWeight: 0.2, Neighbours: 7)),
        ("neighbours: 5 nearest, 0.2, none weight 1.2", new RecognizerOptions(NeighboursWeight: 0.2, Neighbours: 5, NoneWeight: 1.2f)),
        // Pass 6 (docs/recognizer.md). Negation features, noisy training copies, class-balanced weights and length
        // signals were measured at commit 5cb30c0 (`compare --only p6`) and not kept; their code went with them.
        ("p6 pass 5 model (no label smoothing, none weight 1.2)", new RecognizerOptions(NoneWeight: 1.2f, Sgd: new SgdSettings(Smoothing: 0))),
        ("p6 label smoothing 0.05, none weight 1.2", new RecognizerOptions(NoneWeight: 1.2f)),
        ("p6 label smoothing 0.05, none weight 1.6", new RecognizerOptions(NoneWeight: 1.6f)),
        ("p6 label smoothing 0.02", new RecognizerOptions(Sgd: new SgdSettings(Smoothing: 0.02f))),
        ("p6 label smoothing 0.1", new RecognizerOptions(Sgd: new SgdSettings(Smoothing: 0.1f))),
        ("p6 label smoothing, without neighbours", new RecognizerOptions(NeighboursWeight: 0)),
        ("p6 label smoothing, neighbours 0.15", new RecognizerOptions(NeighboursWeight: 0.15)),
        ("p6 label smoothing, neighbours 0.25", new RecognizerOptions(NeighboursWeight: 0.25)),
        ("p6 label smoothing, 10 epochs", new RecognizerOptions(Sgd: new SgdSettings(Epochs: 10))),
        // Pass 10: the stop words kept as words (the chosen model); the other ideas were measured at commit bd8d97c.
        ("p10 stop words dropped (pass 9's model)", new RecognizerOptions(DropStopwords: true)),
    ];

    private static readonly (string Name, RecognizerOptions Options)[] Variants =
    [
        ("chosen model (one classifier with a none class, learned cue and other-platform signals)", RecognizerOptions.Default),
        ("without the other-platform signal", new RecognizerOptions(UseElsewhereFeature: false)),
        ("scope model + branch model (two-stage) averaged with the single classifier", new RecognizerOptions(SeparateScopeModel: true)),
        ("chosen model + the former cue gate (no cue word = out of scope)", new RecognizerOptions(CueGate: CueGate.Reject)),
        ("without the cue signal", new RecognizerOptions(UseCueFeature: false)),
        ("scope model + branch model (two-stage) only", new RecognizerOptions(SeparateScopeModel: true, SingleModel: false)),
        ("one classifier with a none class + cue gate, no signals (the model before issue #16)", new RecognizerOptions(UseCueFeature: false, UseElsewhereFeature: false, CueGate: CueGate.Reject)),
        ("without character n-grams", new RecognizerOptions(UseCharNgrams: false)),
        ("without key phrases", new RecognizerOptions(UseKeyPhrases: false)),
        ("without spelling/phrase rewriting", new RecognizerOptions(UseSpellingAndPhrases: false)),
    ];

    /// <summary>How the decisions would change with other thresholds (cross-validated outcomes of the chosen model only).</summary>
    private static void ThresholdSweep(IReadOnlyList<(LabelledUtterance Gold, RouteResult Got)> outcomes)
    {
        // Scope rule: 0 = "none" is the most probable class (the chosen rule); otherwise P(none) at or above this is out of scope.
        Console.WriteLine("Threshold sweep on cross-validated outcomes: scope rule (0 = none most probable), medium, clarify ratio -> top-1 (accepted, first choice), OOS rejected, clarified, top-2 when clarified");
        foreach (var scope in new[] { 0, 0.3, 0.4, 0.5, 0.6 })
        foreach (var medium in new[] { 0.1, 0.15, 0.2, 0.25, 0.3 })
        foreach (var ratio in new[] { 0.35, 0.4, 0.45, 0.5, 0.55, 0.65 })
        {
            int inScope = 0, top1 = 0, oos = 0, rejected = 0, clarified = 0, clarifiedRight = 0;
            foreach (var (gold, got) in outcomes)
            {
                var alt = got.Alternatives;
                var pNone = alt.Count == 0 ? 1 : 1 - alt.Sum(a => a.Score);
                var accepted = alt.Count > 0 && (scope == 0 ? alt[0].Score > pNone : pNone < scope) && alt[0].Score >= medium;
                var ask = accepted && alt[1].Score >= ratio * alt[0].Score;
                if (ask) { clarified++; if (alt[0].Branch == gold.Branch || alt[1].Branch == gold.Branch) clarifiedRight++; }
                if (gold.Branch == ShopAdsRecognizer.NoneIntent) { oos++; if (!accepted) rejected++; }
                else { inScope++; if (accepted && alt[0].Branch == gold.Branch) top1++; }
            }
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  {scope,4:F2} {medium,4:F2} {ratio,4:F2}  top-1 {(double)top1 / inScope,6:P1}  rejected {(double)rejected / oos,6:P1}  clarified {(double)clarified / outcomes.Count,6:P1}  right among the two {(clarified == 0 ? 0 : (double)clarifiedRight / clarified),6:P1}"));
        }
        Console.WriteLine();
    }

    private static void Print(AccuracyReport report, bool showErrors, bool markdown)
    {
        Console.WriteLine(report);
        if (markdown) Console.WriteLine(report.ToMarkdown());
        if (showErrors) foreach (var e in report.Errors) Console.WriteLine("    " + e);
        Console.WriteLine();
    }
}

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ShopAdsBot.Benchmarks;
using ShopAdsBot.Recognition;

// accuracy: cross-validated and hold-out figures. bench: BenchmarkDotNet (speed, build cost).
var command = args.FirstOrDefault() ?? "accuracy";
switch (command)
{
    case "accuracy":
        Accuracy.Run(args.Contains("--errors"), args.Contains("--ablation"));
        return 0;
    case "bench":
        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        BenchmarkRunner.Run([typeof(RecognizeBenchmarks), typeof(BuildBenchmarks)], config, args.Skip(1).ToArray());
        return 0;
    default:
        Console.Error.WriteLine("usage: ShopAdsBot.Benchmarks accuracy [--errors] [--ablation] | bench [BenchmarkDotNet args]");
        return 2;
}

internal static class Accuracy
{
    public static void Run(bool showErrors, bool ablation)
    {
        var seeds = SeedsLocator.Find();
        var keywords = RoutingSeeds.ReadKeywords(Path.Combine(seeds, RoutingSeeds.KeywordsFile));
        var examples = RoutingSeeds.ReadUtterances(Path.Combine(seeds, RoutingSeeds.ExamplesFile));
        var holdout = RoutingSeeds.ReadUtterances(Path.Combine(seeds, RoutingSeeds.HoldoutFile));
        Console.WriteLine($"Thresholds: High >= {ShopAdsRecognizer.HighThreshold}, Medium >= {ShopAdsRecognizer.MediumThreshold}, below = out of scope");
        Print(RecognizerEvaluation.CrossValidate(keywords, examples), showErrors);
        var full = new ShopAdsRecognizer(keywords, examples);
        Print(RecognizerEvaluation.Evaluate(full, holdout, $"Hold-out ({holdout.Count} messages in {RoutingSeeds.HoldoutFile}, never in the model)"), showErrors);
        if (!ablation) return;
        foreach (var (name, options) in new (string, RecognizerOptions)[]
        {
            ("without character n-grams", new RecognizerOptions(UseCharNgrams: false)),
            ("without key phrases", new RecognizerOptions(UseKeyPhrases: false)),
            ("without spelling/phrase rewriting", new RecognizerOptions(UseSpellingAndPhrases: false)),
            ("words only (no n-grams, no keyword file)", new RecognizerOptions(false, false, false)),
        })
        {
            Print(RecognizerEvaluation.CrossValidate(keywords, examples, options: options, title: "CV " + name), false);
            Print(RecognizerEvaluation.Evaluate(new ShopAdsRecognizer(keywords, examples, options), holdout, "Hold-out " + name), false);
        }
    }

    private static void Print(AccuracyReport report, bool showErrors)
    {
        Console.WriteLine(report);
        if (showErrors) foreach (var e in report.Errors) Console.WriteLine("    " + e);
        Console.WriteLine();
    }
}

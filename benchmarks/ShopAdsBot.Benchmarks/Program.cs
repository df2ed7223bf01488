using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ShopAdsBot.Benchmarks;
using ShopAdsBot.Recognition;

// accuracy: cross-validated and hold-out figures. route: how each line of stdin is routed. bench: BenchmarkDotNet (speed,
// build cost, whole turns). state: the stored state's size along a conversation.
var command = args.FirstOrDefault() ?? "accuracy";
switch (command)
{
    case "accuracy":
        Accuracy.Run(args.Contains("--errors"), args.Contains("--ablation"));
        return 0;
    case "route":
        // One message per line on standard input: how the recognizer sees it (for content editors tuning seeds/).
        var seedsDir = SeedsLocator.Find();
        var recognizer = ShopAdsRecognizer.FromSeeds(seedsDir);
        for (var line = Console.ReadLine(); line != null; line = Console.ReadLine())
        {
            var r = recognizer.Recognize(line);
            var alternatives = string.Join(", ", r.Alternatives.Take(3).Select(a => $"{a.Branch} {a.Score:F2}"));
            Console.WriteLine($"{r.Confidence,-6} {r.TopIntent,-26} [{alternatives}]  <= {line}");
        }
        return 0;
    case "bench":
        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        BenchmarkRunner.Run([typeof(RecognizeBenchmarks), typeof(BuildBenchmarks), typeof(TurnBenchmarks)], config, args.Skip(1).ToArray());
        return 0;
    case "load":
        // load [--url URL] [--kind mix|welcome|routed-text|card-click|yes-no] [--duration s] [--warmup s] [--connections n]
        //      [--conversations n] [--env NAME=VALUE]...: the real host over HTTP (started from its Release build without --url).
        return await LoadDriver.RunAsync(args.Skip(1).ToArray());
    case "turns":
        // turns <kind> <count>: that many turns in process (each after its own preparation), to profile.
        await TurnBenchmarks.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case "state":
        // The bytes of a conversation's stored state after each turn of a branch walked in process.
        await StateSize.PrintAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: ShopAdsBot.Benchmarks accuracy [--errors] [--ablation] | route < messages.txt | bench [BenchmarkDotNet args] | state | turns <kind> <count> | load [options]");
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
        var probe = RoutingSeeds.ReadUtterances(Path.Combine(seeds, RoutingSeeds.ProbeFile));
        Print(RecognizerEvaluation.Evaluate(full, probe, $"Probe ({probe.Count} messages in {RoutingSeeds.ProbeFile}, never in the model)"), showErrors);
        var fresh = RoutingSeeds.ReadUtterances(Path.Combine(seeds, RoutingSeeds.FreshFile));
        Print(RecognizerEvaluation.Evaluate(full, fresh, $"Fresh ({fresh.Count} messages in {RoutingSeeds.FreshFile}, never in the model nor used for tuning)"), showErrors);
        if (!ablation) return;
        ThresholdSweep(RecognizerEvaluation.CrossValidatedOutcomes(keywords, examples));
        foreach (var (name, options) in new (string, RecognizerOptions)[]
        {
            ("without the cue gate", new RecognizerOptions(CueGate: CueGate.Off)),
            ("cue gate caps at Medium instead of rejecting", new RecognizerOptions(CueGate: CueGate.CapAtMedium)),
            ("without character n-grams", new RecognizerOptions(UseCharNgrams: false)),
            ("without key phrases", new RecognizerOptions(UseKeyPhrases: false)),
            ("without spelling/phrase rewriting", new RecognizerOptions(UseSpellingAndPhrases: false)),
            ("words only (no n-grams, no keyword file)", new RecognizerOptions(false, false, false)),
        })
        {
            Print(RecognizerEvaluation.CrossValidate(keywords, examples, options: options, title: "CV " + name), false);
            var variant = new ShopAdsRecognizer(keywords, examples, options);
            Print(RecognizerEvaluation.Evaluate(variant, holdout, "Hold-out " + name), false);
            Print(RecognizerEvaluation.Evaluate(variant, probe, "Probe " + name), false);
        }
        // Typo robustness: the same cross-validation, with typos added to each held-out message.
        foreach (var (name, options) in new (string, RecognizerOptions)[] { ("chosen model", RecognizerOptions.Default), ("without the cue gate", new RecognizerOptions(CueGate: CueGate.Off)), ("without character n-grams", new RecognizerOptions(UseCharNgrams: false)) })
            Print(RecognizerEvaluation.Score($"CV with typos added to the held-out fold, {name}",
                RecognizerEvaluation.CrossValidatedOutcomes(keywords, examples, options: options, perturb: RecognizerEvaluation.TypoPerturbation(7))), false);
    }

    /// <summary>How the bands would change with other thresholds (cross-validated outcomes only, never the hold-out).</summary>
    private static void ThresholdSweep(IReadOnlyList<(LabelledUtterance Gold, RouteResult Got)> outcomes)
    {
        Console.WriteLine("Threshold sweep on cross-validated outcomes");
        Console.WriteLine("  medium  top-1(accepted)  oos-rejected   |  high  in-scope-high  high-correct  oos-high");
        double[] mediums = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
        double[] highs = [0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8];
        var inScope = outcomes.Where(o => o.Gold.Branch != ShopAdsRecognizer.NoneIntent).ToList();
        var oos = outcomes.Where(o => o.Gold.Branch == ShopAdsRecognizer.NoneIntent).ToList();
        static double PNone(RouteResult r) => r.Alternatives.Count == 0 ? 1 : 1 - r.Alternatives.Sum(a => a.Score);
        static bool Accepted(RouteResult r, double t) => r.Alternatives.Count > 0 && r.Score > PNone(r) && r.Score >= t;
        for (var k = 0; k < mediums.Length; k++)
        {
            var m = mediums[k];
            var top1 = inScope.Count(o => Accepted(o.Got, m) && o.Got.Alternatives[0].Branch == o.Gold.Branch) / (double)inScope.Count;
            var rej = oos.Count(o => !Accepted(o.Got, m)) / (double)oos.Count;
            var h = highs[k];
            var high = inScope.Where(o => Accepted(o.Got, h)).ToList();
            var highShare = high.Count / (double)inScope.Count;
            var highCorrect = high.Count == 0 ? 0 : high.Count(o => o.Got.Alternatives[0].Branch == o.Gold.Branch) / (double)high.Count;
            var oosHigh = oos.Count(o => Accepted(o.Got, h)) / (double)oos.Count;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  {m,6:F2}  {top1,15:P1}  {rej,12:P1}   |  {h,4:F2}  {highShare,13:P1}  {highCorrect,12:P1}  {oosHigh,8:P1}"));
        }
        Console.WriteLine();
    }

    private static void Print(AccuracyReport report, bool showErrors)
    {
        Console.WriteLine(report);
        if (showErrors) foreach (var e in report.Errors) Console.WriteLine("    " + e);
        Console.WriteLine();
    }
}

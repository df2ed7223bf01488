using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ShopAdsBot.Benchmarks;
using ShopAdsBot.Evaluation;

// accuracy: cross-validated figures (--ablation: the variants; --test: the test set, once, at the end).
// route: how each line of stdin is routed. bench: BenchmarkDotNet (speed, build cost, whole turns).
// state: the stored state's size along a conversation. turns: turns in process, to profile. load: the real host over HTTP.
var command = args.FirstOrDefault() ?? "accuracy";
switch (command)
{
    case "accuracy":
        // --seed N: another deal of the folds, to see how much of a difference is noise (docs/recognizer.md).
        // --section N: the section of seeds/routing-examples.tsv that --ablation measures (trained on vs only tested).
        var seedAt = Array.IndexOf(args, "--seed");
        var sectionAt = Array.IndexOf(args, "--section");
        Accuracy.Run(args.Contains("--errors"), args.Contains("--ablation"), args.Contains("--test"), args.Contains("--markdown"),
            seedAt > 0 && seedAt + 1 < args.Length ? int.Parse(args[seedAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 42,
            sectionAt > 0 && sectionAt + 1 < args.Length ? int.Parse(args[sectionAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 14);
        return 0;
    case "compare":
        // compare [--only NAME[|NAME...]] [--sweep]: the candidates over four deals of the folds, with the typos line and the build time (docs/recognizer.md).
        var onlyAt = Array.IndexOf(args, "--only");
        Accuracy.Compare(onlyAt > 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null, args.Contains("--sweep"), args.Contains("--fast"));
        return 0;
    case "route":
        // One message per line on standard input: how the production recognizer sees it (for content editors tuning seeds/).
        var recognizer = EvaluationData.ProductionSources().Build();
        for (var line = Console.ReadLine(); line != null; line = Console.ReadLine())
        {
            var r = recognizer.Recognize(line);
            var alternatives = string.Join(", ", r.Alternatives.Take(3).Select(a => $"{a.Branch} {a.Score:F2}"));
            var clarify = r.Clarify is { } c ? $" ask: {c.First} or {c.Second}" : "";
            Console.WriteLine($"{r.Confidence,-6} {r.TopIntent,-26} [{alternatives}]{clarify}  <= {line}");
        }
        return 0;
    case "bench":
        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        BenchmarkRunner.Run([typeof(RecognizeBenchmarks), typeof(BuildBenchmarks), typeof(CompiledModelBenchmarks), typeof(TurnBenchmarks)], config, args.Skip(1).ToArray());
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
        Console.Error.WriteLine("usage: ShopAdsBot.Benchmarks accuracy [--errors] [--ablation [--section N]] [--test] [--markdown] [--seed N] | route < messages.txt | bench [BenchmarkDotNet args] | state | turns <kind> <count> | load [options]");
        return 2;
}

using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ShopAdsBot.Benchmarks;
using ShopAdsBot.Evaluation;

// accuracy: cross-validated figures (--ablation: the variants; --test: the test set, once, at the end).
// route: how each line of stdin is routed. bench: BenchmarkDotNet (speed, build cost).
var command = args.FirstOrDefault() ?? "accuracy";
switch (command)
{
    case "accuracy":
        Accuracy.Run(args.Contains("--errors"), args.Contains("--ablation"), args.Contains("--test"), args.Contains("--markdown"));
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
        BenchmarkRunner.Run([typeof(RecognizeBenchmarks), typeof(BuildBenchmarks)], config, args.Skip(1).ToArray());
        return 0;
    default:
        Console.Error.WriteLine("usage: ShopAdsBot.Benchmarks accuracy [--errors] [--ablation] [--test] [--markdown] | route < messages.txt | bench [BenchmarkDotNet args]");
        return 2;
}

using BenchmarkDotNet.Attributes;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Benchmarks;

/// <summary>Recognition cost per message (over a fixed mix of short, long, typo and out-of-scope messages).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RecognizeBenchmarks
{
    private ShopAdsRecognizer _recognizer = null!;
    private string[] _messages = [];

    [Params("short", "long", "hundred-kb")]
    public string Kind { get; set; } = "short";

    [GlobalSetup]
    public void Setup()
    {
        var seeds = SeedsLocator.Find();
        _recognizer = ShopAdsRecognizer.FromSeeds(seeds);
        var holdout = RoutingSeeds.ReadUtterances(Path.Combine(seeds, RoutingSeeds.HoldoutFile)).Select(u => u.Text).ToArray();
        _messages = Kind switch
        {
            "short" => holdout,
            "long" => holdout.Select(t => string.Join(' ', Enumerable.Repeat(t, 6))).ToArray(),
            _ => [new string('a', 50) + " " + string.Concat(Enumerable.Repeat("l'onglet annonces napparait pas ", 3300))],
        };
    }

    private int _next;

    /// <summary>One message per invocation, cycling through the set, so the median is a per-message figure.</summary>
    [Benchmark]
    public RouteResult RecognizeOneMessage() => _recognizer.Recognize(_messages[_next++ % _messages.Length]);
}

/// <summary>Start-up cost: reading the seeds and training the model.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private string _seeds = string.Empty;

    [GlobalSetup]
    public void Setup() => _seeds = SeedsLocator.Find();

    [Benchmark]
    public ShopAdsRecognizer BuildFromSeeds() => ShopAdsRecognizer.FromSeeds(_seeds);
}

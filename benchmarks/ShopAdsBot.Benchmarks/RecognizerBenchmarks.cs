using BenchmarkDotNet.Attributes;
using ShopAdsBot.Content;
using ShopAdsBot.Evaluation;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Benchmarks;

/// <summary>Recognition cost per message, on the production model (over the example messages, short or repeated to be long).</summary>
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
        var sources = EvaluationData.ProductionSources();
        _recognizer = sources.Build();
        var examples = sources.Examples.Select(u => u.Text).ToArray();
        _messages = Kind switch
        {
            "short" => examples,
            "long" => examples.Select(t => string.Join(' ', Enumerable.Repeat(t, 6))).ToArray(),
            _ => [new string('a', 50) + " " + string.Concat(Enumerable.Repeat("l'onglet annonces napparait pas ", 3300))],
        };
    }

    private int _next;

    /// <summary>One message per invocation, cycling through the set, so the median is a per-message figure.</summary>
    [Benchmark]
    public RouteResult RecognizeOneMessage() => _recognizer.Recognize(_messages[_next++ % _messages.Length]);
}

/// <summary>Start-up cost: reading the seeds and training the model (the content catalog is loaded anyway, for the flows).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private ContentCatalog _content = null!;

    /// <summary>"production": the app's model; "pass3-training": pass 3's 20 SGD passes at 0.5 with L2 1e-4, for comparison.</summary>
    [Params("production", "pass3-training")]
    public string Model { get; set; } = "production";

    private RecognizerOptions? _options;

    [GlobalSetup]
    public void Setup()
    {
        _content = ContentCatalog.Load(EvaluationData.Root());
        _options = Model == "production" ? null : new RecognizerOptions(NoneWeight: 1f, NeighboursWeight: 0, Sgd: new SgdSettings(Epochs: 20, LearningRate: 0.5f, L2: 1e-4f, Smoothing: 0));
    }

    [Benchmark]
    public ShopAdsRecognizer BuildFromSeeds() => RecognizerSources.Load(_content).Build(_options);
}

/// <summary>
/// What a new instance does instead of training: read the model the build compiled (recognizer.model), after checking
/// that it was made from this content and code. The sources are read beforehand, as both paths need them.
/// </summary>
[MemoryDiagnoser]
public class CompiledModelBenchmarks
{
    private RecognizerSources _sources = null!;
    private string _path = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sources = RecognizerSources.Load(ContentCatalog.Load(EvaluationData.Root()));
        _path = Path.Combine(Path.GetTempPath(), $"bench-{Environment.ProcessId}-{RecognizerModelFile.FileName}");
        RecognizerModelFile.Compile(_sources, _path);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark]
    public ShopAdsRecognizer? ReadCompiledModel() => RecognizerModelFile.TryRead(_sources, _path);

    [Benchmark]
    public ShopAdsRecognizer TrainAtStartUp() => _sources.Build();
}

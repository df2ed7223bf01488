using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Benchmarks;

/// <summary>
/// One whole turn in process, from the POST body to the expectReplies body (<see cref="InProcessBot"/>), per turn kind.
/// Each measured turn gets its own conversation, brought to the right step before the iteration (not measured):
/// welcome (a new conversation), routed-text (a typed problem after the welcome), card-click (a choice clicked on the
/// branch's first question), yes-no (a typed "no" on an answer card), redelivered (the routed text sent again with the
/// same activity id, as a channel retries: answered from the copy of the replies; what the shared bench's wrk script
/// measures once each of its conversations has had its first turn).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(PerIteration)]
[WarmupCount(3)]
[IterationCount(12)]
public class TurnBenchmarks
{
    private const int PerIteration = 200;

    private InProcessBot bot = null!;
    private readonly Queue<JObject> ready = new();
    private int conversations;

    [Params("welcome", "routed-text", "card-click", "yes-no", "redelivered")]
    public string Kind { get; set; } = "routed-text";

    [GlobalSetup]
    public void Setup() => bot = new InProcessBot();

    [GlobalCleanup]
    public void Cleanup() => bot.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup]
    public void Prepare()
    {
        ready.Clear();
        for (var i = 0; i < PerIteration; i++)
        {
            ready.Enqueue(PrepareAsync("bench-" + Interlocked.Increment(ref conversations)).GetAwaiter().GetResult());
        }
    }

    [Benchmark]
    public Task<(int Status, string Body)> Turn() => bot.PostAsync(ready.Dequeue());

    /// <summary>Runs the turns before the measured one and returns the measured one.</summary>
    private Task<JObject> PrepareAsync(string conversation) => PrepareAsync(bot, Kind, conversation);

    /// <summary>Runs <paramref name="count"/> turns of one kind (for a profiler: dotnet-trace collect -- ... turns routed-text 5000).</summary>
    public static async Task RunAsync(string kind, int count)
    {
        await using var bot = new InProcessBot();
        // Redeliveries of one turn: nothing but the measured path in the profile (the other kinds prepare each turn).
        var again = kind == "redelivered" ? await PrepareAsync(bot, kind, "profile") : null;
        for (var i = 0; i < count; i++)
        {
            var (status, _) = await bot.PostAsync(again is null ? await PrepareAsync(bot, kind, "profile-" + i) : (JObject)again.DeepClone());
            if (status != 200) throw new InvalidOperationException($"HTTP {status}");
        }
    }

    private static async Task<JObject> PrepareAsync(InProcessBot bot, string kind, string conversation)
    {
        var flow = bot.Content.Flow(Turns.Branch);
        var question = flow.StartNode;
        var choice = question.Choices[0];
        if (kind == "welcome") return Turns.Welcome(conversation);
        await bot.PostAsync(Turns.Welcome(conversation));
        if (kind == "routed-text") return Turns.Text(conversation, Turns.RoutedText);
        if (kind == "redelivered")
        {
            var first = Turns.Text(conversation, Turns.RoutedText);
            first["id"] = "first-" + conversation;
            await bot.PostAsync((JObject)first.DeepClone());
            return first;
        }
        await bot.PostAsync(Turns.Text(conversation, Turns.RoutedText));
        if (kind == "card-click") return Turns.Click(conversation, flow.Id, question.Id, choice.Id);
        await bot.PostAsync(Turns.Click(conversation, flow.Id, question.Id, choice.Id));
        return Turns.Text(conversation, "no");
    }
}

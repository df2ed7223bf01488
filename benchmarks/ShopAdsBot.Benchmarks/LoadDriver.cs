using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Benchmarks;

/// <summary>
/// Load on the real host over HTTP: concurrent sellers, each walking their own conversations with deliveryMode
/// expectReplies (the replies come back in the HTTP answer), every turn a new activity id. A conversation is the
/// welcome, a typed problem routed to a branch, a click on the first choice of the card it shows, a typed "no" on the
/// answer, then the typed problem again, and so on (kind "mix"); or one kind of turn only (routed-text: the same typed
/// problem again and again in each conversation, as the shared bench does, but with new ids).
/// Without --url it starts the Release build of src/ShopAdsBot itself, on a port the app binds (0), and reports the
/// time to its first 200, the first seconds' throughput, its CPU per turn and its peak memory.
/// </summary>
internal static partial class LoadDriver
{
    private sealed record Settings(string? Url, TimeSpan Duration, TimeSpan Warmup, int Connections, int Conversations, string Kind, Dictionary<string, string> AppEnvironment);

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Parse(args);
        using var app = settings.Url is null ? await StartAppAsync(settings) : null;
        var url = settings.Url ?? app!.Url;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Connections }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

        Console.WriteLine($"load: {settings.Kind}, {settings.Connections} connections, {settings.Conversations} conversations, {url}");
        if (app is not null)
        {
            var first = await RunPhaseAsync(http, settings, TimeSpan.FromSeconds(5), "cold");
            Console.WriteLine($"start to first 200: {app.StartupMs} ms; first 5 s: {first.TurnsPerSecond:F0} turns/s");
        }
        if (settings.Warmup > TimeSpan.Zero)
        {
            await RunPhaseAsync(http, settings, settings.Warmup, "warmup");
        }
        var cpuBefore = app?.Process.TotalProcessorTime;
        var measured = await RunPhaseAsync(http, settings, settings.Duration, "measured");
        var cpu = app is null ? (TimeSpan?)null : app.Process.TotalProcessorTime - cpuBefore;

        Console.WriteLine();
        Console.WriteLine("| turn kind | turns | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (kind, latencies) in measured.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(Invariant($"| {kind} | {latencies.Count} | {Percentile(latencies, 50):F2} | {Percentile(latencies, 99):F2} |"));
        }
        var all = measured.ByKind.Values.SelectMany(l => l).ToList();
        Console.WriteLine(Invariant($"| all | {all.Count} | {Percentile(all, 50):F2} | {Percentile(all, 99):F2} |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"turns/s: {measured.TurnsPerSecond:F0}; errors: {measured.Errors}"));
        if (cpu is { } used)
        {
            Console.WriteLine(Invariant($"server CPU per turn: {used.TotalMilliseconds / Math.Max(1, all.Count):F3} ms; peak RSS: {app!.PeakRssMiB()} MiB"));
        }
        return measured.Errors == 0 ? 0 : 1;
    }

    private sealed record Phase(double TurnsPerSecond, Dictionary<string, List<double>> ByKind, int Errors);

    private static async Task<Phase> RunPhaseAsync(HttpClient http, Settings settings, TimeSpan duration, string name)
    {
        var byKind = new Dictionary<string, List<double>>();
        var errors = 0;
        var turns = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, settings.Connections).Select(async worker =>
        {
            // Each worker walks its share of the conversations, one step each in turn.
            var mine = Enumerable.Range(0, settings.Conversations).Where(c => c % settings.Connections == worker)
                .Select(c => new Seller($"load-{name}-{c}", settings.Kind)).ToList();
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var seller = mine[i % mine.Count];
                var (kind, activity) = seller.Next();
                var started = Stopwatch.GetTimestamp();
                var body = await PostAsync(http, activity);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (byKind)
                {
                    if (body is null) { errors++; seller.Reset(); continue; }
                    turns++;
                    (byKind.TryGetValue(kind, out var list) ? list : byKind[kind] = []).Add(ms);
                }
                seller.Read(body);
            }
        });
        await Task.WhenAll(workers);
        return new Phase(turns / clock.Elapsed.TotalSeconds, byKind, errors);
    }

    private static async Task<JsonDocument?> PostAsync(HttpClient http, string activity)
    {
        using var content = new StringContent(activity, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/messages", content);
        if (!response.IsSuccessStatusCode) return null;
        var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return body.RootElement.TryGetProperty("activities", out _) ? body : null;
    }

    /// <summary>One seller's conversation: which turn comes next, and the card to click on.</summary>
    private sealed class Seller(string conversation, string kind)
    {
        private static int ids;
        private int step = kind == "mix" ? 0 : 1;
        private int round;
        private JObject? click;

        public (string Kind, string Activity) Next()
        {
            var id = Interlocked.Increment(ref ids).ToString(CultureInfo.InvariantCulture);
            var turn = kind == "mix" ? (step % 4) switch { 0 => "welcome", 1 => "routed-text", 2 => "card-click", _ => "yes-no" } : kind;
            if (turn == "card-click" && click is null) turn = "routed-text";
            var activity = turn switch
            {
                "welcome" => Turns.Welcome($"{conversation}-{round}"),
                "card-click" => Turns.Click($"{conversation}-{round}", (string)click!["flow"]!, (string)click["node"]!, (string)click["choice"]!),
                "yes-no" => Turns.Text($"{conversation}-{round}", "no"),
                _ => Turns.Text($"{conversation}-{round}", Turns.RoutedText),
            };
            activity["id"] = id;
            step++;
            if (kind == "mix" && step % 4 == 0) round++; // the next welcome opens a new conversation
            return (turn, activity.ToString(Newtonsoft.Json.Formatting.None));
        }

        /// <summary>Keeps the first choice button of the last card (a question's), for the next click.</summary>
        public void Read(JsonDocument replies)
        {
            using (replies)
            {
                click = null;
                foreach (var reply in replies.RootElement.GetProperty("activities").EnumerateArray())
                {
                    if (!reply.TryGetProperty("attachments", out var attachments)) continue;
                    foreach (var attachment in attachments.EnumerateArray())
                    {
                        var data = FirstChoice(attachment.GetProperty("content"));
                        if (data is not null) click = data;
                    }
                }
            }
        }

        public void Reset() => step = kind == "mix" ? 0 : 1;

        private static JObject? FirstChoice(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.ValueEquals("Action.Submit")
                    && element.TryGetProperty("data", out var data) && data.TryGetProperty("choice", out _)
                    && data.TryGetProperty("node", out var node) && !node.ValueEquals("menu") && !data.GetProperty("choice").ValueEquals("yes") && !data.GetProperty("choice").ValueEquals("no"))
                {
                    return JObject.Parse(data.GetRawText());
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (FirstChoice(property.Value) is { } found) return found;
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstChoice(item) is { } found) return found;
                }
            }
            return null;
        }
    }

    /// <summary>The app, started from its Release build in the repository, as the README runs it.</summary>
    private sealed partial class App : IDisposable
    {
        public required Process Process { get; init; }
        public required string Url { get; init; }
        public required long StartupMs { get; init; }

        public long PeakRssMiB()
        {
            var status = File.Exists($"/proc/{Process.Id}/status") ? File.ReadAllLines($"/proc/{Process.Id}/status") : [];
            var hwm = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return hwm is null ? Process.PeakWorkingSet64 / (1024 * 1024) : long.Parse(Digits().Match(hwm).Value, CultureInfo.InvariantCulture) / 1024;
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
            Process.Dispose();
        }

        [GeneratedRegex("[0-9]+")]
        private static partial Regex Digits();
    }

    private static async Task<App> StartAppAsync(Settings settings)
    {
        var root = ShopAdsBot.Content.ContentCatalog.LocateSourceRoot();
        var dll = Path.Combine(root, "src", "ShopAdsBot", "bin", "Release", "net10.0", "ShopAdsBot.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the app first: dotnet build -c Release src/ShopAdsBot", dll);
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        // A fresh state and insights store for each run (unless --env says otherwise): runs stay comparable, and nothing
        // is written into the checkout.
        var data = Directory.CreateTempSubdirectory("shopadsbot-load-").FullName;
        start.Environment["Storage__SqlitePath"] = Path.Combine(data, "conversation-state.db");
        start.Environment["Insights__SqlitePath"] = Path.Combine(data, "insights.db");
        foreach (var (name, value) in settings.AppEnvironment) start.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginErrorReadLine();
        string? url = null;
        while (url is null && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains("Now listening on: ", StringComparison.Ordinal)) url = line[(line.IndexOf("http", StringComparison.Ordinal))..].Trim();
        }
        if (url is null) throw new InvalidOperationException("The app stopped before listening.");
        _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });

        // Time to the first 200 on POST /api/messages, as the shared bench measures it.
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        while (await PostAsync(http, Turns.Text("startup-probe", "hello").ToString()) is not { } first) await Task.Delay(10);
        return new App { Process = process, Url = url, StartupMs = clock.ElapsedMilliseconds };
    }

    private static Settings Parse(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Option(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var environment = args.Select((a, i) => (a, i)).Where(p => p.a == "--env" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");
        var kind = Option("--kind") ?? "mix";
        if (kind is not ("mix" or "welcome" or "routed-text" or "card-click" or "yes-no")) throw new ArgumentException($"--kind {kind}: mix, welcome, routed-text, card-click or yes-no");
        return new Settings(Option("--url"), TimeSpan.FromSeconds(Number("--duration", 10)), TimeSpan.FromSeconds(Number("--warmup", 20)),
            Number("--connections", 32), Number("--conversations", 1000), kind, environment);
    }

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

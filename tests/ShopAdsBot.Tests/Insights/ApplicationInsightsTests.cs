using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Insights;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Insights;

/// <summary>
/// Application Insights through OpenTelemetry, against a stand-in ingestion endpoint on 127.0.0.1 given as the
/// IngestionEndpoint of APPLICATIONINSIGHTS_CONNECTION_STRING: a real conversation reaches it as custom events.
/// </summary>
public sealed class ApplicationInsightsTests
{
    [Fact]
    public async Task A_conversation_reaches_the_ingestion_endpoint_as_custom_events()
    {
        // The exporter's own usage statistics would go to Microsoft's endpoints: off for the test.
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        await using var ingestion = await IngestionStandIn.StartAsync();
        var connectionString = $"InstrumentationKey=11111111-2222-3333-4444-555555555555;IngestionEndpoint={ingestion.Url}/;LiveEndpoint={ingestion.Url}/";
        using var host = new BotHost
        {
            Settings = new Dictionary<string, string?> { [InsightsServices.ConnectionStringSetting] = connectionString },
        };

        await new InsightsScript(host.CreateClient()).RunAsync();
        await host.Services.GetRequiredService<InsightsQueue>().WhenWrittenAsync();
        // The exporter uploads in batches: wait until the stand-in has what the script produced (a handshake; the
        // limit only bounds a failure).
        var expected = new[] { "BotMessageReceived", "BotMessageSend", "ConversationStarted", "BranchStarted", "Escalated", "NotUnderstood", "SuggestionOffered" };
        await ingestion.WaitUntilAsync(events => events.Count(e => (string?)e["name"] == "AnswerRated") >= 6
            && expected.All(name => events.Any(e => (string?)e["name"] == name)), TimeSpan.FromMinutes(2));

        var events = ingestion.CustomEvents();
        var received = events.Where(e => (string?)e["name"] == "BotMessageReceived").ToList();
        Assert.NotEmpty(received);
        Assert.All(received, e =>
        {
            var properties = (JObject)e["properties"]!;
            Assert.Matches("^[0-9a-f]{32}$", (string?)properties["conversationId"]);
            Assert.Null(properties["fromId"]);
            Assert.Null(properties["fromName"]);
            Assert.Null(properties["text"]);
        });
        var ratings = events.Where(e => (string?)e["name"] == "AnswerRated").Select(e => (JObject)e["properties"]!).ToList();
        Assert.Equal(6, ratings.Count);
        Assert.Contains(ratings, p => (string?)p["branch"] == "connect-shop" && (string?)p["node"] == "create-shop" && (string?)p["rating"] == "yes"
            && (string?)p["channel"] == "webchat" && (string?)p["language"] == "fr");
        Assert.Equal(4, events.Count(e => (string?)e["name"] == "ConversationStarted"));
        Assert.DoesNotContain("insights-c1", ingestion.AllText);
        Assert.DoesNotContain("jane.doe", ingestion.AllText);
    }

    /// <summary>A stand-in for the Application Insights ingestion service: accepts /v2.1/track and keeps what it got.</summary>
    private sealed class IngestionStandIn : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly List<string> lines = [];
        private readonly SemaphoreSlim received = new(0);

        private IngestionStandIn(WebApplication app) => this.app = app;

        public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        public string AllText
        {
            get
            {
                lock (lines)
                {
                    return string.Join("\n", lines);
                }
            }
        }

        public static async Task<IngestionStandIn> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var standIn = new IngestionStandIn(app);
            app.MapPost("/v2.1/track", async (HttpRequest request) =>
            {
                Stream body = request.Body;
                if (request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
                {
                    body = new GZipStream(request.Body, CompressionMode.Decompress);
                }
                var text = await new StreamReader(body).ReadToEndAsync();
                var items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                lock (standIn.lines)
                {
                    standIn.lines.AddRange(items);
                }
                standIn.received.Release();
                return Results.Json(new { itemsReceived = items.Length, itemsAccepted = items.Length, errors = Array.Empty<object>() });
            });
            // Live metrics and anything else: accepted and ignored.
            app.MapFallback(() => Results.StatusCode((int)HttpStatusCode.OK));
            await app.StartAsync();
            return standIn;
        }

        /// <summary>Waits for uploads until the events received satisfy <paramref name="done"/>; fails after <paramref name="limit"/>.</summary>
        public async Task WaitUntilAsync(Func<List<JObject>, bool> done, TimeSpan limit)
        {
            using var timeout = new CancellationTokenSource(limit);
            while (!done(CustomEvents()))
            {
                try
                {
                    await received.WaitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"The ingestion endpoint did not get the expected events within {limit}; it got: {string.Join(", ", CustomEvents().Select(e => e["name"]))}");
                }
            }
        }

        /// <summary>The custom events received: { name, properties }.</summary>
        public List<JObject> CustomEvents()
        {
            lock (lines)
            {
                return lines.Select(JObject.Parse)
                    .Where(item => (string?)item["data"]?["baseType"] == "EventData")
                    .Select(item => new JObject { ["name"] = item["data"]!["baseData"]!["name"], ["properties"] = item["data"]!["baseData"]!["properties"] ?? new JObject() })
                    .ToList();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

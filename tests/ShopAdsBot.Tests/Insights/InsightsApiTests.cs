using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Insights;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Insights;

/// <summary>The scripted conversations through the real host, then GET /insights/api/summary: exactly the figures of the script.</summary>
public sealed class InsightsApiTests
{
    private static async Task<JObject> SummaryAsync(BotHost host, string query = "")
    {
        var response = await host.CreateClient().GetAsync("/insights/api/summary" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JObject.Parse(body);
    }

    private static void AssertJson(string expected, JToken? actual) =>
        Assert.True(JToken.DeepEquals(JToken.Parse(expected), actual), $"expected {expected}\ngot {actual}");

    private static async Task<InsightsScript> RunScriptAsync(BotHost host)
    {
        var script = new InsightsScript(host.CreateClient());
        await script.RunAsync();
        // The events are written in the background: wait for the writer's handshake, not for the clock.
        await host.Services.GetRequiredService<InsightsQueue>().WhenWrittenAsync();
        return script;
    }

    [Fact]
    public async Task The_scripted_conversations_give_exactly_the_expected_figures()
    {
        using var host = new BotHost();
        var script = await RunScriptAsync(host);

        var summary = await SummaryAsync(host);

        AssertJson("""
            { "total": 4, "byChannel": { "webchat": 2, "emulator": 2 }, "byLanguage": { "fr": 2, "en": 2 } }
            """, summary["conversations"]);

        var branches = ((JArray)summary["branches"]!).ToDictionary(b => (string)b["branch"]!, b => b.ToString(Newtonsoft.Json.Formatting.None));
        var expected = new Dictionary<string, (int Started, int Yes, int No, int Escalated)>
        {
            ["connect-shop"] = (1, 1, 0, 0),
            ["ads-tab-missing"] = (1, 0, 3, 1),
            ["create-ad"] = (1, 1, 1, 0),
        };
        expected[script.SuggestionTaken] = expected.TryGetValue(script.SuggestionTaken, out var taken) ? taken with { Started = taken.Started + 1 } : (1, 0, 0, 0);
        Assert.Equal(11, branches.Count); // every branch of the content, unused ones at zero
        foreach (var (branch, json) in branches)
        {
            var (started, yes, no, escalated) = expected.GetValueOrDefault(branch);
            Assert.Equal($$"""{"branch":"{{branch}}","started":{{started}},"ratedYes":{{yes}},"ratedNo":{{no}},"escalated":{{escalated}}}""", json);
        }

        // Answers that fail first.
        AssertJson("""
            [
              { "branch": "ads-tab-missing", "node": "check-permission", "ratedYes": 0, "ratedNo": 1 },
              { "branch": "ads-tab-missing", "node": "clear-cache", "ratedYes": 0, "ratedNo": 1 },
              { "branch": "ads-tab-missing", "node": "us-menu-path", "ratedYes": 0, "ratedNo": 1 },
              { "branch": "create-ad", "node": "product-gmv-max", "ratedYes": 0, "ratedNo": 1 },
              { "branch": "connect-shop", "node": "create-shop", "ratedYes": 1, "ratedNo": 0 },
              { "branch": "create-ad", "node": "gmv-max-account", "ratedYes": 1, "ratedNo": 0 }
            ]
            """, summary["nodes"]);

        // Development records the text, masked; the guess of the vague word is the first suggestion shown.
        var notUnderstood = (JArray)summary["notUnderstood"]!;
        Assert.Equal(2, notUnderstood.Count);
        Assert.Contains(notUnderstood, n => (string?)n["text"] == InsightsScript.OffTopicMasked && (int)n["count"]! == 1 && (string?)n["guess"] == "none");
        Assert.Contains(notUnderstood, n => (string?)n["text"] == InsightsScript.Vague && (int)n["count"]! == 1 && (string?)n["guess"] == script.SuggestionTaken);
    }

    [Fact]
    public async Task The_suggestion_taken_is_recorded_as_such_and_the_file_holds_no_personal_data()
    {
        using var host = new BotHost();
        var script = await RunScriptAsync(host);
        var store = host.Services.GetRequiredService<SqliteInsightsStore>();

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.Path};Mode=ReadOnly"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT via || ':' || branch FROM events WHERE name = 'BranchStarted' ORDER BY id";
            var vias = new List<string>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    vias.Add(reader.GetString(0));
                }
            }
            Assert.Equal(["menu:connect-shop", "text:ads-tab-missing", "menu:create-ad", $"suggestion:{script.SuggestionTaken}"], vias);
        }

        // No conversation id, user id or name, nor the unmasked e-mail or phone, anywhere in the file or its WAL.
        var bytes = Encoding.UTF8.GetString(File.ReadAllBytes(store.Path)) + Encoding.UTF8.GetString(File.ReadAllBytes(store.Path + "-wal"));
        foreach (var secret in new[] { "insights-c1", "insights-c4", "user-insights", "Vendeur", "jane.doe", "12 34 56" })
        {
            Assert.DoesNotContain(secret, bytes);
        }
    }

    [Fact]
    public async Task The_figures_survive_a_restart_and_the_range_filters_by_day()
    {
        var path = Path.Combine(Path.GetTempPath(), $"shopadsbot-insights-restart-{Guid.NewGuid():N}.db");
        JObject before;
        using (var first = new BotHost { InsightsPath = path, KeepInsightsFile = true })
        {
            await RunScriptAsync(first);
            before = await SummaryAsync(first);
        }

        using var second = new BotHost { InsightsPath = path };
        AssertJson(before.ToString(), await SummaryAsync(second));
        Assert.Equal(4, (int)before["conversations"]!["total"]!);

        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var empty = await SummaryAsync(second, $"?from={yesterday}&to={yesterday}");
        Assert.Equal(0, (int)empty["conversations"]!["total"]!);
        Assert.Empty((JArray)empty["nodes"]!);
    }

    [Theory]
    [InlineData("?from=2026-02-30", "'from' must be a date")]
    [InlineData("?to=yesterday", "'to' must be a date")]
    [InlineData("?from=2026-03-02&to=2026-03-01", "must not be after")]
    [InlineData("?from=2020-01-01&to=2026-01-01", "at most 366 days")]
    public async Task A_bad_date_range_gets_400_with_the_reason(string query, string reason)
    {
        using var host = new BotHost();
        var response = await host.CreateClient().GetAsync("/insights/api/summary" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_table_exports_as_CSV_with_formulas_defused()
    {
        using var host = new BotHost();
        var script = await RunScriptAsync(host);
        await new InsightsScriptExtra(host.CreateClient()).SayAsync("=HYPERLINK(\"x\")");
        await host.Services.GetRequiredService<InsightsQueue>().WhenWrittenAsync();
        var client = host.CreateClient();

        var branches = await client.GetAsync("/insights/api/csv/branches");
        Assert.Equal("text/csv; charset=utf-8", branches.Content.Headers.ContentType!.ToString());
        Assert.Contains("attachment", branches.Content.Headers.ContentDisposition!.ToString());
        var lines = (await branches.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"branch\",\"started\",\"ratedYes\",\"ratedNo\",\"escalated\",\"resolutionRate\"", lines[0]);
        // create-ad is started once from the menu, and once more when it is the suggestion the script takes.
        var createAdStarted = script.SuggestionTaken == "create-ad" ? 2 : 1;
        Assert.Contains($"\"create-ad\",\"{createAdStarted}\",\"1\",\"1\",\"0\",\"0.5\"", lines);

        Assert.Contains("\"webchat\",\"fr\",\"1\"", await client.GetStringAsync("/insights/api/csv/conversations"));
        Assert.Contains("\"ads-tab-missing\",\"clear-cache\",\"0\",\"1\"", await client.GetStringAsync("/insights/api/csv/nodes"));
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", await client.GetStringAsync("/insights/api/csv/not-understood"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/insights/api/csv/users")).StatusCode);
    }

    [Fact]
    public async Task Outside_Development_text_is_not_recorded_by_default()
    {
        using var host = new BotHost
        {
            HostEnvironment = "Production",
            Settings = new Dictionary<string, string?> { ["Insights:AdminKey"] = "k-123456789" },
        };
        await new InsightsScriptExtra(host.CreateClient()).SayAsync(InsightsScript.OffTopic);
        await host.Services.GetRequiredService<InsightsQueue>().WhenWrittenAsync();

        var request = new HttpRequestMessage(HttpMethod.Get, "/insights/api/summary");
        request.Headers.Authorization = new("Bearer", "k-123456789");
        var summary = JObject.Parse(await (await host.CreateClient().SendAsync(request)).Content.ReadAsStringAsync());

        var row = Assert.Single((JArray)summary["notUnderstood"]!);
        Assert.Equal(JTokenType.Null, row["text"]!.Type);
        Assert.Equal("none", (string?)row["guess"]);
    }

    /// <summary>One more message, in a conversation of its own.</summary>
    private sealed class InsightsScriptExtra(HttpClient client)
    {
        public async Task SayAsync(string text)
        {
            var activity = ActivityJson.Message(text, "en-US", deliveryMode: "expectReplies", channelId: "webchat", conversationId: Guid.NewGuid().ToString("N"));
            var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode);
        }
    }
}

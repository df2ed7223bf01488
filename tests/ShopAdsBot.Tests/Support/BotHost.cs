using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Support;

/// <summary>
/// The real host, in process (TestServer): by default in the Development environment, as a new user runs it, with the
/// default durable storage (Sqlite) in a file of its own, so hosts never share conversations; a test may choose the
/// environment, add settings, or replace services (a stand-in bot, a fake Direct Line service).
/// </summary>
public class BotHost : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo stateFolder = Directory.CreateTempSubdirectory("bothost-");

    /// <summary>This host's conversation state file (Storage:SqlitePath), unless the settings choose another storage.</summary>
    public string SqlitePath => Path.Combine(stateFolder.FullName, "conversation-state.db");

    public string HostEnvironment { get; init; } = "Development";

    public IDictionary<string, string?>? Settings { get; init; }

    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The Insights SQLite file of this host: a new temporary file by default (deleted with the host), so tests never share one.</summary>
    public string InsightsPath { get; init; } = Path.Combine(Path.GetTempPath(), $"shopadsbot-insights-{Guid.NewGuid():N}.db");

    public bool KeepInsightsFile { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(HostEnvironment);
        builder.ConfigureAppConfiguration((_, config) => config
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = SqlitePath, ["Insights:SqlitePath"] = InsightsPath })
            .AddInMemoryCollection(Settings ?? new Dictionary<string, string?>()));
        // Also as host settings: those are visible to Program.cs while it registers services (e.g. the Application
        // Insights connection string, read at registration), which app configuration added here is not.
        builder.UseSetting("Insights:SqlitePath", InsightsPath);
        foreach (var (key, value) in Settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!KeepInsightsFile)
            {
                foreach (var file in new[] { InsightsPath, InsightsPath + "-wal", InsightsPath + "-shm" })
                {
                    File.Delete(file);
                }
            }
            try
            {
                stateFolder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Still open somewhere: the temp folder is cleaned by the OS.
            }
        }
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JToken activity) =>
        await PostRawAsync(activity.ToString(), "application/json");

    public async Task<HttpResponseMessage> PostRawAsync(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await CreateClient().PostAsync("/api/messages", content);
    }

    /// <summary>Posts with deliveryMode expectReplies and returns the replies from the response body.</summary>
    public async Task<JArray> ExpectRepliesAsync(JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        var response = await PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return (JArray)JObject.Parse(body)["activities"]!;
    }
}

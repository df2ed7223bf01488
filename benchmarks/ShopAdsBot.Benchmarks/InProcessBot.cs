using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Hosting;
using ShopAdsBot.Lifecycle;

namespace ShopAdsBot.Benchmarks;

/// <summary>
/// The bot's services exactly as the app registers them (AddShopAdsBot), without Kestrel: a turn is a POST body handed to
/// the endpoint's guard and to CloudAdapter.ProcessAsync, and the reply is the HTTP body it writes (expectReplies).
/// </summary>
public sealed class InProcessBot : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private int activityCount;

    public InProcessBot(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Kind"] = "Memory", ["Insights:Kind"] = "None" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        collection.AddShopAdsBot(configuration);
        services = collection.BuildServiceProvider();
        Content = services.GetRequiredService<ContentCatalog>();
        Storage = services.GetRequiredService<IStorage>();
    }

    public ContentCatalog Content { get; }

    public IStorage Storage { get; }

    /// <summary>Posts one activity (a fresh id each time, unless it has one: a redelivery) and returns the HTTP status and body.</summary>
    public async Task<(int Status, string Body)> PostAsync(JObject activity)
    {
        activity["id"] ??= "a" + Interlocked.Increment(ref activityCount);
        var http = new DefaultHttpContext { RequestServices = services };
        var body = Encoding.UTF8.GetBytes(activity.ToString(Formatting.None));
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = body.Length;
        http.Request.Body = new MemoryStream(body);
        var response = new MemoryStream();
        http.Response.Body = response;

        await BotEndpoints.ProcessMessageAsync(http);
        return (http.Response.StatusCode, Encoding.UTF8.GetString(response.GetBuffer(), 0, (int)response.Length));
    }

    /// <summary>The conversation's stored state as its storage would write it (the SDK storages' JSON settings).</summary>
    public async Task<string> StoredStateAsync(string conversationId, string channelId = Turns.ChannelId) =>
        (await StoredAsync($"{channelId}/conversations/{conversationId}"))!;

    /// <summary>The copies of the conversation's replies kept for a redelivery (one per slot in use), as stored.</summary>
    public async Task<IReadOnlyList<string>> StoredReplyCopiesAsync(string conversationId, string channelId = Turns.ChannelId)
    {
        var copies = new List<string>();
        for (var slot = 0; slot < ReplyCopies.Slots; slot++)
        {
            if (await StoredAsync(ReplyCopies.Key(channelId, conversationId, slot)) is { } copy)
            {
                copies.Add(copy);
            }
        }
        return copies;
    }

    private async Task<string?> StoredAsync(string key)
    {
        var items = await Storage.ReadAsync([key]);
        return items.TryGetValue(key, out var item)
            ? JsonConvert.SerializeObject(item, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All })
            : null;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

/// <summary>The activities of the four turn kinds, as a channel posts them (expectReplies, English).</summary>
public static class Turns
{
    public const string ChannelId = "webchat";
    public const string RoutedText = "the Ads tab is missing in Seller Center";
    public const string Branch = "ads-tab-missing";

    public static JObject Welcome(string conversation) => Activity("conversationUpdate", conversation, extra: new JObject
    {
        ["membersAdded"] = new JArray(new JObject { ["id"] = "user-" + conversation, ["name"] = "User" }),
    });

    public static JObject Text(string conversation, string text) => Activity("message", conversation, new JObject { ["text"] = text });

    /// <summary>A click on a choice button of a question card (the data the card carries).</summary>
    public static JObject Click(string conversation, string branch, string node, string choice) => Activity("message", conversation, new JObject
    {
        ["value"] = new JObject { ["flow"] = branch, ["node"] = node, ["choice"] = choice },
    });

    private static JObject Activity(string type, string conversation, JObject extra)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["channelId"] = ChannelId,
            ["serviceUrl"] = "http://127.0.0.1:3999",
            ["from"] = new JObject { ["id"] = "user-" + conversation, ["name"] = "User" },
            ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "Bot" },
            ["conversation"] = new JObject { ["id"] = conversation },
            ["locale"] = "en-US",
            ["deliveryMode"] = "expectReplies",
        };
        activity.Merge(extra);
        return activity;
    }
}

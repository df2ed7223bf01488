using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Hosting;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Storage;

/// <summary>
/// The real host started with Storage:Kind=Blobs (Azurite's connection string), answering over HTTP as a channel
/// reaches it: state lands in the container, and two turns of one conversation at the same time never lose one silently.
/// </summary>
public class BlobsHostTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string ConflictFr = "Deux de vos messages sont arrivés en même temps. Le dernier n'a pas été enregistré : réessayez en le renvoyant.";

    /// <summary>The host with the Storage settings only; <paramref name="decorate"/> may wrap the IStorage the host built from them.</summary>
    private sealed class BlobsHost(string connectionString, string container, Func<IStorage, IStorage>? decorate = null) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Kind", "Blobs");
            builder.UseSetting("Storage:ConnectionString", connectionString);
            builder.UseSetting("Storage:Container", container);
            if (decorate != null)
            {
                builder.ConfigureTestServices(services =>
                {
                    var built = services.Last(d => d.ServiceType == typeof(IStorage)).ImplementationInstance!;
                    services.AddSingleton(decorate((IStorage)built));
                });
            }
        }

        public async Task<JArray> ExpectRepliesAsync(JObject activity)
        {
            activity["deliveryMode"] = "expectReplies";
            var response = await CreateClient().PostAsync("/api/messages", new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
            return (JArray)JObject.Parse(body)["activities"]!;
        }
    }

    [Fact]
    public async Task TheHostKeepsTheConversationInTheContainer()
    {
        var container = azurite.NewContainer();
        await using var host = new BlobsHost(azurite.ConnectionString, container.Name);
        var conversationId = "a:1Hx9|19:abc@thread.tacv2;messageid=17";

        var menu = LastCard(await host.ExpectRepliesAsync(ActivityJson.Message("menu", conversationId: conversationId)));
        var question = LastCard(await host.ExpectRepliesAsync(Click(MenuButton(menu, "connect-shop"), conversationId)));

        Assert.Equal("connect-shop", (string?)question.SelectTokens("$..data.flow").FirstOrDefault());
        Assert.IsType<BlobsStorage>(host.Services.GetRequiredService<IStorage>());
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }
        Assert.Contains(BlobsStorage.BlobName($"emulator/conversations/{conversationId}"), names);
        var state = (await container.GetBlobClient(BlobsStorage.BlobName($"emulator/conversations/{conversationId}")).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("connect-shop", state);
    }

    [Fact]
    public async Task OfTwoConcurrentTurnsOfOneConversationTheLaterIsRefusedPolitelyAndTheEarlierKept()
    {
        var container = azurite.NewContainer();
        var barrier = new ReadBarrier();
        await using var host = new BlobsHost(azurite.ConnectionString, container.Name, inner => new BarrierStorage(inner, barrier));
        const string conversationId = "concurrent-1";
        var menu = LastCard(await host.ExpectRepliesAsync(ActivityJson.Message("menu", conversationId: conversationId)));
        await host.ExpectRepliesAsync(Click(MenuButton(menu, "connect-shop"), conversationId));

        // Both turns read the conversation before either saves (as when a seller double-clicks, or two servers answer).
        barrier.Arm(parties: 2);
        var turns = await Task.WhenAll(
            host.ExpectRepliesAsync(Click(MenuButton(menu, "create-ad"), conversationId)),
            host.ExpectRepliesAsync(Click(MenuButton(menu, "ad-rejected"), conversationId)));

        Assert.True(barrier.Met, "both turns read the state before saving");
        var refused = turns.Where(t => TextOf(t).Contains(ConflictFr)).ToList();
        var kept = Assert.Single(turns, t => !TextOf(t).Contains(ConflictFr));
        Assert.Single(refused);
        var keptBranch = (string?)LastCard(kept).SelectTokens("$..data.flow").First();
        var refusedBranch = keptBranch == "create-ad" ? "ad-rejected" : "create-ad";
        var stored = (await container.GetBlobClient(BlobsStorage.BlobName($"emulator/conversations/{conversationId}")).DownloadContentAsync()).Value.Content.ToString();
        var state = JObject.Parse(stored)["DialogState"]!.ToString(); // (the state also keeps the turns' replies, for redeliveries)
        Assert.Contains(keptBranch!, state);
        Assert.DoesNotContain(refusedBranch, state);

        // The conversation goes on normally afterwards.
        var after = await host.ExpectRepliesAsync(Click(MenuButton(menu, "ad-rejected"), conversationId));
        Assert.DoesNotContain(ConflictFr, TextOf(after));
        Assert.Equal("ad-rejected", (string?)LastCard(after).SelectTokens("$..data.flow").First());
    }

    private static JObject Click(JObject data, string conversationId)
    {
        var activity = ActivityJson.Message("", conversationId: conversationId);
        activity.Remove("text");
        activity["value"] = data;
        return activity;
    }

    private static JObject MenuButton(JObject menu, string branch) =>
        (JObject)menu.SelectTokens("$..data").First(d => (string?)d["choice"] == branch)!;

    private static JObject LastCard(JArray replies) =>
        (JObject)replies.SelectMany(r => r["attachments"] ?? new JArray())
            .Last(a => (string?)a["contentType"] == Support.Cards.AdaptiveCard)["content"]!;

    private static string TextOf(JArray replies) => string.Join("\n", replies.Select(r => (string?)r["text"] ?? ""));

    /// <summary>Holds each conversation read until <c>parties</c> reads have happened (at most 20 s), once armed.</summary>
    private sealed class ReadBarrier
    {
        private readonly object gate = new();
        private TaskCompletionSource? all;
        private int waiting;

        public bool Met { get; private set; }

        public void Arm(int parties)
        {
            lock (gate)
            {
                waiting = parties;
                all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public async Task PassAsync()
        {
            Task? wait;
            lock (gate)
            {
                if (all is null)
                {
                    return;
                }
                wait = all.Task;
                if (--waiting == 0)
                {
                    Met = true;
                    all.SetResult();
                    all = null;
                }
            }
            await wait.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private sealed class BarrierStorage(IStorage inner, ReadBarrier barrier) : IStorage
    {
        public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
        {
            var items = await inner.ReadAsync(keys, cancellationToken);
            if (keys.Any(k => k.Contains("/conversations/", StringComparison.Ordinal)))
            {
                await barrier.PassAsync();
            }
            return items;
        }

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}

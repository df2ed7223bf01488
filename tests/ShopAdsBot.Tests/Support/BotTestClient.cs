using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Hosting;

namespace ShopAdsBot.Tests.Support;

/// <summary>
/// The real bot (services registered exactly as the host does) behind the SDK's TestAdapter, one conversation per client.
/// Each turn builds a new bot and dialog context over the same IStorage, as in production.
/// </summary>
public sealed class BotTestClient
{
    private static readonly Lazy<IServiceProvider> SharedServices = new(() => BuildServices());

    private readonly IServiceProvider services;
    private readonly TestAdapter adapter;

    /// <param name="conversationId">A new conversation by default; give an earlier client's id to continue its conversation
    /// (e.g. over a new service provider, as after a restart).</param>
    public BotTestClient(string locale = "fr-FR", string channelId = "test", IServiceProvider? services = null, string? conversationId = null)
    {
        this.services = services ?? SharedServices.Value;
        // Traces are delivered like any reply, so tests see exactly which ones the bot sends on each channel.
        adapter = new TestAdapter(channelId, sendTraceActivity: true) { Locale = locale };
        adapter.Conversation.Conversation.Id = conversationId ?? Guid.NewGuid().ToString("N");
        UseRegisteredMiddleware();
    }

    /// <summary>
    /// A client for one conversation as a channel describes it (for Teams: its serviceUrl, the bot as "28:&lt;app id&gt;",
    /// the conversation's type and tenant). TestAdapter stamps every activity sent with this conversation.
    /// </summary>
    public BotTestClient(ConversationReference conversation, string locale, IServiceProvider? services = null)
    {
        this.services = services ?? SharedServices.Value;
        adapter = new TestAdapter(conversation) { Locale = locale };
        UseRegisteredMiddleware();
    }

    /// <summary>The adapter middleware of the host (typing indicator, group-chat rules), as on the real adapter.</summary>
    private void UseRegisteredMiddleware()
    {
        adapter.Use(new ClientActivityIds());
        foreach (var middleware in services.GetServices<IMiddleware>())
        {
            adapter.Use(middleware);
        }
    }

    public string ConversationId => adapter.Conversation.Conversation.Id;

    /// <summary>
    /// TestAdapter numbers activities from 0 in every client, and the bot runs an activity id only once per conversation:
    /// a client that continues another's conversation (as after a restart) gets ids of its own.
    /// </summary>
    private sealed class ClientActivityIds : IMiddleware
    {
        private readonly string prefix = Guid.NewGuid().ToString("N");

        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.Activity.Id = $"{prefix}-{turnContext.Activity.Id}";
            return next(cancellationToken);
        }
    }

    public static IServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Kind"] = "Memory", ["Insights:Kind"] = "None" }).Build();
        var collection = new ServiceCollection().AddLogging(l => l.ClearProviders()).AddSingleton<IConfiguration>(configuration);
        collection.AddShopAdsBot(configuration);
        // The clock stands still: a turn is never "slow", so no typing indicator depends on the machine's load.
        collection.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        configure?.Invoke(collection);
        return collection.BuildServiceProvider();
    }

    public ContentCatalog Content => services.GetRequiredService<ContentCatalog>();

    public string Locale => adapter.Locale;

    public string ChannelId => adapter.Conversation.ChannelId;

    /// <summary>The services behind this conversation (its IStorage holds the conversation state).</summary>
    public IServiceProvider Services => services;

    /// <summary>A message activity of this conversation, from the user, to fill in and pass to <see cref="SendAsync"/>.</summary>
    public Activity MakeActivity(string? text = null) => adapter.MakeActivity(text);

    public Task<IReadOnlyList<Activity>> SendTextAsync(string text) => SendAsync(adapter.MakeActivity(text));

    /// <summary>A click on an Adaptive Card Action.Submit: a message with the button's data as value and no text.</summary>
    public Task<IReadOnlyList<Activity>> ClickAsync(JObject data)
    {
        var activity = adapter.MakeActivity();
        activity.Value = data;
        return SendAsync(activity);
    }

    public Task<IReadOnlyList<Activity>> ConversationStartAsync()
    {
        var activity = adapter.MakeActivity();
        activity.Type = ActivityTypes.ConversationUpdate;
        activity.MembersAdded = [new ChannelAccount("bot", "ShopAdsBot"), new ChannelAccount("user1", "Vendeur")];
        activity.Recipient = new ChannelAccount("bot", "ShopAdsBot");
        return SendAsync(activity);
    }

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        activity.Locale ??= adapter.Locale;
        var bot = services.GetRequiredService<IBot>();
        await adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }
        return replies;
    }
}

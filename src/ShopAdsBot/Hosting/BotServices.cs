using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using ShopAdsBot.Bots;
using ShopAdsBot.Content;
using ShopAdsBot.Dialogs;
using ShopAdsBot.Insights;
using ShopAdsBot.Localization;
using ShopAdsBot.Lifecycle;
using ShopAdsBot.Middleware;
using ShopAdsBot.Recognition;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Hosting;

/// <summary>Registers the bot and its Bot Framework services, the way the BotBuilder samples do.</summary>
public static class BotServices
{
    public static IServiceCollection AddShopAdsBot(this IServiceCollection services, IConfiguration configuration) =>
        services.AddShopAdsBot(configuration, new ContentLoading());

    /// <summary>The same, with the content already loading: Program starts it before the host is even configured.</summary>
    internal static IServiceCollection AddShopAdsBot(this IServiceCollection services, IConfiguration configuration, ContentLoading content)
    {
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);

        // Reads MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId.
        // All empty means local development with no authentication (Bot Framework Emulator).
        // The Bot Connector clients it creates retry 429 and 5xx answers (BotConnectorRetryHandler), and are created when a
        // turn first uses them (OnDemandConnectorsAuthentication).
        services.AddBotConnectorRetries();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new OnDemandConnectorsAuthentication(new ConfigurationBotFrameworkAuthentication(
            configuration, httpClientFactory: new BotConnectorHttpClientFactory(sp.GetRequiredService<IHttpClientFactory>()), logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>())));
        services.AddSingleton<AuthenticationFailures>();
        services.TryAddSingleton(TimeProvider.System);

        // CloudAdapter has two public constructors that the container finds ambiguous: build it ourselves.
        services.AddSingleton(sp => new AdapterWithErrorHandler(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<AdapterWithErrorHandler>>(),
            sp.GetRequiredService<ContentCatalog>().Menu,
            sp.GetRequiredService<ConversationState>(),
            sp.GetServices<IMiddleware>()));
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());

        // Insights first: its telemetry middleware goes on the adapter before the others (docs/insights.md).
        services.AddInsights(configuration);

        // Adapter middleware, in this order (tests put the same on their TestAdapter): the typing indicator (its clock
        // starts before any state is read), the channel's rules, then replies held until the state is saved (the rest
        // may run again after a conflict), then the conversation's life (redelivered activities dropped, « effacer mes
        // données », idle pauses, answered cards).
        services.AddSingleton<IMiddleware>(sp => new TypingIndicatorMiddleware(TypingIndicatorMiddleware.DefaultDelay, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TypingIndicatorMiddleware>>()));
        services.AddSingleton<IMiddleware, TeamsSuggestedActionsMiddleware>();
        services.AddSingleton<IMiddleware, StateFirstMiddleware>();
        services.AddConversationLifecycle(configuration);

        // Built at start-up, beside the content (ContentGate): a wrong setting still stops the app, with its message.
        services.AddSingleton(sp => BotStorage.Create(configuration, sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory));
        services.AddSingleton<ConversationState>();
        services.AddSingleton<ConversationLanguage>();

        // The content is loaded and validated once, at start-up (ContentLoading: while the host is built, side by side with
        // getting the recognizer ready; no request is served before, ContentGate): a broken flow file stops the app with a
        // clear message.
        services.AddSingleton(_ => content.Catalog);
        services.AddSingleton<BotReplies>();
        services.AddSingleton(content);
        services.AddSingleton(sp => content.RecognizerFor(sp.GetRequiredService<ContentCatalog>()));
        services.AddSingleton<IBranchRecognizer>(sp => sp.GetRequiredService<ShopAdsRecognizer>());
        services.AddSingleton<MainDialog>();
        services.AddTransient<IBot, ShopAdsSupportBot>();
        return services;
    }
}

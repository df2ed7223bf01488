using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using ShopAdsBot.Bots;
using ShopAdsBot.Content;
using ShopAdsBot.Dialogs;
using ShopAdsBot.Middleware;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Hosting;

/// <summary>Registers the bot and its Bot Framework services, the way the BotBuilder samples do.</summary>
public static class BotServices
{
    public static IServiceCollection AddShopAdsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient();

        // Reads MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId.
        // All empty means local development with no authentication (Bot Framework Emulator).
        services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();

        // CloudAdapter has two public constructors that the container finds ambiguous: build it ourselves.
        services.AddSingleton(sp => new AdapterWithErrorHandler(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<AdapterWithErrorHandler>>(),
            sp.GetRequiredService<ContentCatalog>().Menu,
            sp.GetServices<IMiddleware>()));
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());

        // Adapter middleware, in this order (tests put the same on their TestAdapter).
        services.AddSingleton<IMiddleware>(sp => new TypingIndicatorMiddleware(TypingIndicatorMiddleware.DefaultDelay, sp.GetRequiredService<ILogger<TypingIndicatorMiddleware>>()));
        services.AddSingleton<IMiddleware, GroupConversationMiddleware>();

        services.AddSingleton(BotStorage.Create(configuration));
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();

        // The content is loaded and validated once, at start-up: a broken flow file stops the app with a clear message.
        services.AddSingleton(_ => ContentCatalog.Load(ContentCatalog.LocateRoot()));
        services.AddSingleton<BotReplies>();
        services.AddSingleton(sp => RecognizerSources.Load(sp.GetRequiredService<ContentCatalog>()).Build());
        services.AddSingleton<MainDialog>();
        services.AddTransient<IBot, ShopAdsSupportBot>();
        return services;
    }
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using ShopAdsBot.Bots;

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
            sp.GetRequiredService<ILogger<AdapterWithErrorHandler>>()));
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());

        services.AddSingleton(BotStorage.Create(configuration));
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();

        services.AddTransient<IBot, ShopAdsSupportBot>();
        return services;
    }
}

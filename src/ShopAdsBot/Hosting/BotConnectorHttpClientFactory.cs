namespace ShopAdsBot.Hosting;

/// <summary>
/// The Bot Framework SDK builds its Bot Connector clients from <c>IHttpClientFactory.CreateClient()</c> (the default
/// client). Handing it this factory gives every one of them the "BotConnector" client, with its retry handler, without
/// changing the default client the rest of the app uses.
/// </summary>
public static class BotConnectorClientsExtensions
{
    public static IServiceCollection AddBotConnectorRetries(this IServiceCollection services)
    {
        services.AddTransient<BotConnectorRetryHandler>();
        services.AddHttpClient(BotConnectorRetryHandler.HttpClientName).AddHttpMessageHandler<BotConnectorRetryHandler>();
        return services;
    }
}

internal sealed class BotConnectorHttpClientFactory(IHttpClientFactory clients) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => clients.CreateClient(BotConnectorRetryHandler.HttpClientName);
}

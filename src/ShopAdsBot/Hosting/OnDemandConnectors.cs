using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace ShopAdsBot.Hosting;

/// <summary>
/// The BotFrameworkAuthentication the adapter uses, with the per-turn clients made on first use. CloudAdapter creates
/// a ConnectorClient and a UserTokenClient for every activity before the turn runs, and disposes them after it; each
/// one builds an HttpClient, reads assembly attributes and parses the User-Agent's regular expressions (about a tenth
/// of a turn's CPU in the profile, docs/performance.md). Most turns never use them: an expectReplies answer goes in the
/// HTTP response, and this bot signs nobody in. Here both are created by the same factories as before, but only when
/// a turn first calls them, and are disposed with the turn as before.
/// </summary>
/// <remarks>
/// The turn state holds an <see cref="IConnectorClient"/> that is not a <see cref="ConnectorClient"/>: the SDK's
/// TeamsInfo then builds its Teams client from the connector's BaseUri and Credentials (this bot does not call it).
/// </remarks>
public sealed class OnDemandConnectorsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        OnDemand(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        OnDemand(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        new OnDemandConnectorFactory(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new OnDemandUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static AuthenticateRequestResult OnDemand(AuthenticateRequestResult result)
    {
        result.ConnectorFactory = new OnDemandConnectorFactory(result.ConnectorFactory);
        return result;
    }
}

internal sealed class OnDemandConnectorFactory(ConnectorFactory inner) : ConnectorFactory
{
    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        Task.FromResult<IConnectorClient>(new OnDemandConnectorClient(() => inner.CreateAsync(serviceUrl, audience, cancellationToken)));
}

/// <summary>The SDK's connector client for this turn, created the first time one of its members is used.</summary>
internal sealed class OnDemandConnectorClient : IConnectorClient
{
    private readonly Lazy<IConnectorClient> client;

    public OnDemandConnectorClient(Func<Task<IConnectorClient>> create)
    {
        // The SDK's credential factories (password, certificate, managed identity) complete synchronously: they build
        // the credentials object, which fetches its token only when a request is sent. So this wait never blocks.
        client = new Lazy<IConnectorClient>(() => create().GetAwaiter().GetResult());
    }

    public Uri BaseUri
    {
        get => client.Value.BaseUri;
        set => client.Value.BaseUri = value;
    }

    public JsonSerializerSettings SerializationSettings => client.Value.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => client.Value.DeserializationSettings;

    public ServiceClientCredentials Credentials => client.Value.Credentials;

    public IAttachments Attachments => client.Value.Attachments;

    public IConversations Conversations => client.Value.Conversations;

    public void Dispose()
    {
        if (client.IsValueCreated)
        {
            client.Value.Dispose();
        }
    }
}

/// <summary>The SDK's user token client for this turn, created when a sign-in call first needs it.</summary>
internal sealed class OnDemandUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
{
    private Task<UserTokenClient>? client;

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await Client()).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await Client()).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await Client()).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await Client()).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await Client()).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await Client()).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && client is { IsCompletedSuccessfully: true })
        {
            client.Result.Dispose();
        }
        base.Dispose(disposing);
    }

    private Task<UserTokenClient> Client() => client ??= create();
}

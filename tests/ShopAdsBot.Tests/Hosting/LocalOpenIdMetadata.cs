using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Hosting;

/// <summary>
/// A local stand-in for the Bot Framework's OpenID metadata (https://login.botframework.com/v1/.well-known/openidconfiguration):
/// a locally generated RSA signing key published as a JWKS with its channel endorsements, served over HTTPS on a
/// loopback port 0, so tests sign real tokens that the SDK's own validation accepts or refuses. The SDK fetches
/// metadata only over HTTPS with its own HttpClient: the server's self-signed certificate is trusted for the current
/// user while the fixture lives (its private key exists only in this process) and removed on dispose.
/// /broken/openidconfiguration answers 503, as when the signing keys cannot be fetched.
/// </summary>
public sealed class LocalOpenIdMetadata : IAsyncLifetime
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "00000000-0000-0000-0000-000000000001";
    public const string ServiceUrl = "http://127.0.0.1:1";

    private readonly RSA signingKey = RSA.Create(2048);
    private readonly X509Certificate2 serverCertificate = SelfSignedLoopbackCertificate();
    private WebApplication? server;

    public string KeyId { get; } = "local-" + Guid.NewGuid().ToString("N");

    public string MetadataUrl { get; private set; } = "";

    public string BrokenMetadataUrl { get; private set; } = "";

    /// <summary>The Bot Framework settings of a deployed bot (public cloud), with the channel metadata pointed here.</summary>
    public Dictionary<string, string?> BotSettings(string metadataUrl) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Issuer,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["CallerId"] = "urn:botframework:azure",
        ["ValidateAuthority"] = "true",
    };

    /// <summary>A channel's token as the Bot Framework signs it; each argument changes one thing to forge.</summary>
    public string Token(string issuer = Issuer, string audience = AppId, DateTime? expires = null, RSA? signWith = null, string? keyId = null)
    {
        var key = new RsaSecurityKey(signWith ?? signingKey) { KeyId = keyId ?? KeyId };
        var notBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async Task InitializeAsync()
    {
        Trust(serverCertificate, add: true);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(serverCertificate)));
        server = builder.Build();
        server.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Text(new JObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = $"https://{http.Request.Host}/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new JArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JArray("private_key_jwt"),
        }.ToString(), "application/json"));
        server.MapGet("/v1/.well-known/keys", () => Results.Text(Jwks().ToString(), "application/json"));
        server.MapGet("/broken/openidconfiguration", () => Results.StatusCode(503));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        MetadataUrl = address + "/v1/.well-known/openidconfiguration";
        BrokenMetadataUrl = address + "/broken/openidconfiguration";
    }

    public async Task DisposeAsync()
    {
        if (server != null)
        {
            await server.DisposeAsync();
        }
        Trust(serverCertificate, add: false);
        serverCertificate.Dispose();
        signingKey.Dispose();
    }

    private JObject Jwks()
    {
        var parameters = signingKey.ExportParameters(includePrivateParameters: false);
        return new JObject
        {
            ["keys"] = new JArray(new JObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                // The channels this key may sign for: the SDK refuses a token whose activity's channel is not listed.
                ["endorsements"] = new JArray("emulator", "msteams", "webchat", "directline"),
            }),
        };
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1 (ShopAdsBot tests)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(2));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static void Trust(X509Certificate2 certificate, bool add)
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        using var publicPart = X509CertificateLoader.LoadCertificate(certificate.RawData);
        if (add)
        {
            store.Add(publicPart);
        }
        else
        {
            store.Remove(publicPart);
        }
    }
}

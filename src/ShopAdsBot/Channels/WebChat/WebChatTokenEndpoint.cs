using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using ShopAdsBot.Channels.DirectLine;

namespace ShopAdsBot.Channels.WebChat;

/// <summary>
/// POST /api/webchat/token: what the page needs to open a Direct Line connection. Local mode: a token for the in-process
/// Direct Line. Deployed mode: the Direct Line secret is exchanged server-side with Azure Bot Service for a conversation
/// token, so the secret never reaches the browser.
/// </summary>
public static class WebChatTokenEndpoint
{
    public const string Path = "/api/webchat/token";
    public const string HttpClientName = "DirectLineService";
    public const string RateLimitPolicy = "webchat-token";

    /// <summary>The answer the page reads. Mode is "local" or "azure".</summary>
    public sealed record WebChatConnection(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("conversationId")] string? ConversationId,
        [property: JsonPropertyName("userId")] string UserId,
        [property: JsonPropertyName("domain")] string Domain,
        [property: JsonPropertyName("webSocket")] bool WebSocket,
        [property: JsonPropertyName("mode")] string Mode);

    public static IEndpointConventionBuilder MapWebChatToken(this IEndpointRouteBuilder routes) =>
        routes.MapPost(Path, CreateConnectionAsync).RequireRateLimiting(RateLimitPolicy);

    private static async Task<IResult> CreateConnectionAsync(HttpContext http, IOptions<DirectLineOptions> options,
        LocalDirectLineTokenService tokens, IHttpClientFactory httpClients, ILoggerFactory loggers)
    {
        var settings = options.Value;
        http.Response.Headers.CacheControl = "no-store";

        if (settings.LocalEnabled)
        {
            var conversationId = LocalDirectLineTokenService.NewId();
            var userId = "u_" + LocalDirectLineTokenService.NewId(9);
            var token = tokens.Issue(conversationId, userId, settings.TokenLifetime);
            return Results.Json(new WebChatConnection(token, conversationId, userId,
                LocalDirectLineEndpoints.ServiceUrl(http.Request), WebSocket: false, Mode: "local"));
        }

        if (string.IsNullOrWhiteSpace(settings.Secret))
        {
            return LocalDirectLineEndpoints.Error(StatusCodes.Status503ServiceUnavailable, "NotConfigured",
                "Web Chat is not configured: set DirectLine:Secret (Azure Bot Service) or DirectLine:EnableLocal.");
        }

        // Azure reserves "dl_" user ids for ids embedded in a token, which Web Chat then trusts over any client-side id.
        var user = "dl_" + LocalDirectLineTokenService.NewId(12);
        var endpoint = settings.Endpoint.TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint + "/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = user } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Secret);

        var logger = loggers.CreateLogger(typeof(WebChatTokenEndpoint));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, http.RequestAborted);
            if (!response.IsSuccessStatusCode)
            {
                // The service's answer is not passed on: it is none of the browser's business.
                logger.LogWarning("Direct Line token exchange failed with {Status}", (int)response.StatusCode);
                return BadGateway();
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(http.RequestAborted), cancellationToken: http.RequestAborted);
            if (!json.RootElement.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String)
            {
                logger.LogWarning("Direct Line token exchange answered without a token");
                return BadGateway();
            }

            var conversationId = json.RootElement.TryGetProperty("conversationId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
            return Results.Json(new WebChatConnection(token.GetString()!, conversationId, user, endpoint, WebSocket: true, Mode: "azure"));
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Direct Line token exchange failed");
            return BadGateway();
        }
    }

    private static IResult BadGateway() => LocalDirectLineEndpoints.Error(StatusCodes.Status502BadGateway, "DirectLineUnavailable",
        "The chat service could not be reached. Please try again later.");
}

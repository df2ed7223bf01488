using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using ShopAdsBot.Channels.DirectLine;

namespace ShopAdsBot.Channels.WebChat;

/// <summary>
/// POST /api/webchat/token: what the page needs to open a Direct Line connection. Local mode: a token for the in-process
/// Direct Line. Deployed mode: the Direct Line secret is exchanged server-side with Azure Bot Service for a conversation
/// token, so the secret never reaches the browser. With a body {"resume": ticket} (a <see cref="ConversationTickets"/>
/// ticket from an earlier answer), it hands out a fresh token for that same conversation when it can still be joined,
/// and a new conversation otherwise ("resumed" says which).
/// </summary>
public static class WebChatTokenEndpoint
{
    public const string Path = "/api/webchat/token";
    public const string HttpClientName = "DirectLineService";
    public const string RateLimitPolicy = "webchat-token";
    private const int MaxBodyBytes = 8 * 1024;

    /// <summary>A browser session's length at most; what really limits a resume is the conversation (local) or its token (Azure).</summary>
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromHours(12);

    /// <summary>The answer the page reads. Mode is "local" or "azure"; Resume is the conversation's ticket.</summary>
    public sealed record WebChatConnection(
        [property: JsonPropertyName("token")] string Token,
        [property: JsonPropertyName("conversationId")] string? ConversationId,
        [property: JsonPropertyName("userId")] string UserId,
        [property: JsonPropertyName("domain")] string Domain,
        [property: JsonPropertyName("webSocket")] bool WebSocket,
        [property: JsonPropertyName("mode")] string Mode,
        [property: JsonPropertyName("resume")] string? Resume = null,
        [property: JsonPropertyName("resumed")] bool Resumed = false);

    public static IEndpointConventionBuilder MapWebChatToken(this IEndpointRouteBuilder routes) =>
        routes.MapPost(Path, CreateConnectionAsync).RequireRateLimiting(RateLimitPolicy);

    private static async Task<IResult> CreateConnectionAsync(HttpContext http, IOptions<DirectLineOptions> options,
        LocalDirectLineTokenService tokens, LocalConversationStore store, ConversationTickets tickets,
        IHttpClientFactory httpClients, ILoggerFactory loggers)
    {
        var settings = options.Value;
        http.Response.Headers.CacheControl = "no-store";

        // Tokens go to the app's own pages only (the page, the chat view inside the widget's iframe), never to a script
        // of another site: browsers say where a request comes from in Sec-Fetch-Site.
        var site = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return LocalDirectLineEndpoints.Error(StatusCodes.Status403Forbidden, "CrossOriginRequest",
                "Tokens are only given to the chat's own pages.");
        }

        var body = await LocalDirectLineEndpoints.ReadBodyAsync(http.Request, MaxBodyBytes);
        if (body is null || !TryReadResume(body, out var resume))
        {
            return LocalDirectLineEndpoints.Error(StatusCodes.Status400BadRequest, "BadArgument",
                $"The body must be empty or a JSON object {{\"resume\": \"<ticket>\"}} of at most {MaxBodyBytes} bytes.");
        }

        var ticket = tickets.Read(resume);
        if (settings.LocalEnabled)
        {
            var resumable = ticket is { Mode: "local" } && store.TryGet(ticket.ConversationId, out var found) && found.UserId == ticket.UserId;
            var conversationId = resumable ? ticket!.ConversationId : LocalDirectLineTokenService.NewId();
            var userId = resumable ? ticket!.UserId : "u_" + LocalDirectLineTokenService.NewId(9);
            var token = tokens.Issue(conversationId, userId, settings.TokenLifetime);
            return Results.Json(new WebChatConnection(token, conversationId, userId,
                LocalDirectLineEndpoints.ServiceUrl(http.Request), WebSocket: false, Mode: "local",
                tickets.Issue("local", conversationId, userId, null, TicketLifetime), resumable));
        }

        if (string.IsNullOrWhiteSpace(settings.Secret))
        {
            return LocalDirectLineEndpoints.Error(StatusCodes.Status503ServiceUnavailable, "NotConfigured",
                "Web Chat is not configured: set DirectLine:Secret (Azure Bot Service) or DirectLine:EnableLocal.");
        }

        var endpoint = settings.Endpoint.TrimEnd('/');
        var logger = loggers.CreateLogger(typeof(WebChatTokenEndpoint));
        var client = httpClients.CreateClient(HttpClientName);
        if (ticket is { Mode: "azure", Token: { } earlier })
        {
            // Azure: the conversation's last token, refreshed. An expired one cannot be: then a new conversation begins.
            var refreshed = await CallDirectLineAsync(client, endpoint + "/tokens/refresh", earlier, content: null, logger, http.RequestAborted);
            if (refreshed is { Token: var renewed })
            {
                return Results.Json(new WebChatConnection(renewed, ticket.ConversationId, ticket.UserId, endpoint, WebSocket: true, Mode: "azure",
                    tickets.Issue("azure", ticket.ConversationId, ticket.UserId, renewed, TicketLifetime), Resumed: true));
            }
        }

        // Azure reserves "dl_" user ids for ids embedded in a token, which Web Chat then trusts over any client-side id.
        var user = "dl_" + LocalDirectLineTokenService.NewId(12);
        var generated = await CallDirectLineAsync(client, endpoint + "/tokens/generate", settings.Secret,
            JsonContent.Create(new { user = new { id = user } }), logger, http.RequestAborted);
        if (generated is not { Token: var token2, ConversationId: var id })
        {
            return LocalDirectLineEndpoints.Error(StatusCodes.Status502BadGateway, "DirectLineUnavailable",
                "The chat service could not be reached. Please try again later.");
        }

        return Results.Json(new WebChatConnection(token2, id, user, endpoint, WebSocket: true, Mode: "azure",
            id is null ? null : tickets.Issue("azure", id, user, token2, TicketLifetime)));
    }

    /// <summary>The body's "resume" ticket (null when the body is empty); false when the body is not what we accept.</summary>
    private static bool TryReadResume(string body, out string? resume)
    {
        resume = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return true;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (json.RootElement.TryGetProperty("resume", out var value))
            {
                if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return false;
                }

                resume = value.GetString();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A Direct Line token call (generate with the secret, refresh with a token): its token, or null when it failed.</summary>
    private static async Task<(string Token, string? ConversationId)?> CallDirectLineAsync(HttpClient client, string url, string bearer,
        HttpContent? content, ILogger logger, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // The service's answer is not passed on: it is none of the browser's business.
                logger.LogWarning("Direct Line call {Url} failed with {Status}", url, (int)response.StatusCode);
                return null;
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            if (!json.RootElement.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String)
            {
                logger.LogWarning("Direct Line call {Url} answered without a token", url);
                return null;
            }

            var conversationId = json.RootElement.TryGetProperty("conversationId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
            return (token.GetString()!, conversationId);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Direct Line call {Url} failed", url);
            return null;
        }
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Channels.DirectLine;

/// <summary>
/// The in-process Direct Line 3.0 service under /v3/directline: the subset that botframework-directlinejs (inside Web
/// Chat) calls when polling — start or resume a conversation, post an activity, get activities after a watermark,
/// refresh the token. Every bad input is answered with a 4xx; nothing here lets an exception reach the client.
/// </summary>
public static partial class LocalDirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    private static readonly HashSet<string> AcceptedTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing,
    };

    public static IEndpointRouteBuilder MapLocalDirectLine(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(BasePath).AddEndpointFilter(async (context, next) =>
        {
            // Off (Production by default): the routes answer as if they did not exist.
            var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
            return options.LocalEnabled ? await next(context) : Results.NotFound();
        });

        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ResumeConversation);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        group.MapPost("/tokens/refresh", RefreshToken);
        return routes;
    }

    /// <summary>The serviceUrl the bot sees: this app's own Direct Line.</summary>
    public static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";

    private static async Task<IResult> StartConversationAsync(HttpContext http, LocalDirectLineTokenService tokens,
        LocalConversationStore store, LocalDirectLineBotConnector connector, IOptions<DirectLineOptions> options)
    {
        if (Authenticate(http, tokens) is not { } claims)
        {
            return Deny(http, tokens);
        }

        // directlinejs sends {user: {id}, locale} here; only the locale matters, the user comes from the token.
        var body = await ReadBodyAsync(http.Request, options.Value.MaxActivityBytes);
        if (body is null)
        {
            return TooLarge(options.Value);
        }

        string? locale = null;
        if (body.Length > 0)
        {
            try
            {
                var start = JToken.Parse(body) as JObject;
                locale = CleanLocale(start?["locale"] is { Type: JTokenType.String } value ? (string?)value : null);
            }
            catch (JsonException)
            {
                return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON.");
            }
        }

        var conversation = store.GetOrCreate(claims.ConversationId, claims.UserId);
        if (!conversation.Started)
        {
            conversation.Started = true;
            await connector.StartAsync(conversation, ServiceUrl(http.Request), locale, http.RequestAborted);
        }

        return Results.Json(ConversationJson(conversation.Id, ExtractToken(http)!, claims, tokens), statusCode: StatusCodes.Status201Created);
    }

    private static IResult ResumeConversation(string conversationId, HttpContext http, LocalDirectLineTokenService tokens, LocalConversationStore store)
    {
        if (Authorize(http, tokens, store, conversationId, out var claims, out _) is { } denied)
        {
            return denied;
        }

        return Results.Json(ConversationJson(conversationId, ExtractToken(http)!, claims!, tokens));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext http, LocalDirectLineTokenService tokens,
        LocalConversationStore store, LocalDirectLineBotConnector connector, IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        if (Authorize(http, tokens, store, conversationId, out _, out var conversation) is { } denied)
        {
            return denied;
        }

        if (!conversation!.TryCountPost(clock.GetUtcNow(), settings.MaxPostsPerWindow, settings.RateLimitWindow, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests",
                $"At most {settings.MaxPostsPerWindow} activities per {settings.RateLimitWindow.TotalSeconds:0} s in a conversation.");
        }

        var body = await ReadBodyAsync(http.Request, settings.MaxActivityBytes);
        if (body is null)
        {
            return TooLarge(settings);
        }

        if (ParseActivity(body, out var reason) is not { } activity)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", reason);
        }

        var id = await connector.PostAsync(conversation, activity, ServiceUrl(http.Request), http.RequestAborted);
        return Results.Json(new { id });
    }

    private static IResult GetActivities(string conversationId, string? watermark, HttpContext http,
        LocalDirectLineTokenService tokens, LocalConversationStore store)
    {
        if (Authorize(http, tokens, store, conversationId, out _, out var conversation) is { } denied)
        {
            return denied;
        }

        long after = 0;
        if (!string.IsNullOrEmpty(watermark) && (!long.TryParse(watermark, out after) || after < 0))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be a number returned by this service.");
        }

        return Results.Text(conversation!.ActivitySetJson(after), "application/json", Encoding.UTF8);
    }

    private static IResult RefreshToken(HttpContext http, LocalDirectLineTokenService tokens, LocalConversationStore store, IOptions<DirectLineOptions> options)
    {
        if (Authenticate(http, tokens) is not { } claims)
        {
            return Deny(http, tokens);
        }

        if (!store.TryGet(claims.ConversationId, out _))
        {
            return Error(StatusCodes.Status404NotFound, "BadArgument", "The conversation does not exist or has expired.");
        }

        var token = tokens.Issue(claims.ConversationId, claims.UserId, options.Value.TokenLifetime);
        return Results.Json(ConversationJson(claims.ConversationId, token, tokens.Read(token)!, tokens));
    }

    /// <summary>Null result = allowed; otherwise the 401/403/404 to answer.</summary>
    private static IResult? Authorize(HttpContext http, LocalDirectLineTokenService tokens, LocalConversationStore store,
        string conversationId, out LocalDirectLineTokenClaims? claims, out LocalConversation? conversation)
    {
        conversation = null;
        claims = Authenticate(http, tokens);
        if (claims is null)
        {
            return Deny(http, tokens);
        }

        if (!string.Equals(claims.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status403Forbidden, "TokenConversationMismatch", "The token is not valid for this conversation.");
        }

        if (!store.TryGet(conversationId, out var found) || found.UserId != claims.UserId)
        {
            return Error(StatusCodes.Status404NotFound, "BadArgument", "The conversation does not exist or has expired.");
        }

        conversation = found;
        return null;
    }

    /// <summary>The token's claims when it is well signed and not expired.</summary>
    private static LocalDirectLineTokenClaims? Authenticate(HttpContext http, LocalDirectLineTokenService tokens)
    {
        var claims = tokens.Read(ExtractToken(http));
        return claims is null || tokens.IsExpired(claims) ? null : claims;
    }

    /// <summary>401 without a token; 403 with a wrong or expired one (directlinejs reads 403 as "token expired").</summary>
    private static IResult Deny(HttpContext http, LocalDirectLineTokenService tokens)
    {
        var token = ExtractToken(http);
        if (token is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Error(StatusCodes.Status401Unauthorized, "MissingToken", "An Authorization: Bearer token is required.");
        }

        return tokens.Read(token) is { } claims && tokens.IsExpired(claims)
            ? Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.")
            : Error(StatusCodes.Status403Forbidden, "BadToken", "The token is not valid.");
    }

    private static string? ExtractToken(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && header.Length > prefix.Length
            ? header[prefix.Length..].Trim()
            : null;
    }

    private static object ConversationJson(string conversationId, string token, LocalDirectLineTokenClaims claims, LocalDirectLineTokenService tokens) => new
    {
        conversationId,
        token,
        expires_in = (int)Math.Max(0, (claims.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds),
    };

    /// <summary>The body as text, or null when it is larger than the limit (checked without reading more than limit + 1 bytes).</summary>
    internal static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), request.HttpContext.RequestAborted)) > 0)
        {
            total += read;
        }

        return total > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, total);
    }

    /// <summary>The posted activity with every field the channel owns cleared, or null with the reason it was refused.</summary>
    private static Activity? ParseActivity(string body, out string reason)
    {
        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(body, LocalDirectLineBotConnector.WireSettings);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or ArgumentException)
        {
            reason = "The body is not a valid activity (JSON object expected).";
            return null;
        }

        if (activity is null || activity.Type is null || !AcceptedTypes.Contains(activity.Type))
        {
            reason = "The activity type must be \"message\", \"event\" or \"typing\".";
            return null;
        }

        // The channel, not the client, says who speaks, where and when.
        activity.Id = null;
        activity.ReplyToId = null;
        activity.DeliveryMode = null;
        activity.Recipient = null;
        activity.Locale = CleanLocale(activity.Locale);
        reason = string.Empty;
        return activity;
    }

    private static string? CleanLocale(string? locale) => locale is not null && LocalePattern().IsMatch(locale) ? locale : null;

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$")]
    private static partial Regex LocalePattern();

    private static IResult TooLarge(DirectLineOptions settings) =>
        Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body must be at most {settings.MaxActivityBytes} bytes.");

    /// <summary>Errors in Direct Line's shape: {"error": {"code", "message"}}.</summary>
    internal static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}

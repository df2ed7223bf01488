using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Checks a POST /api/messages body before it reaches CloudAdapter, which answers 500 to several malformed
/// activities (no serviceUrl, a deliveryMode of the wrong type, null entries in membersAdded...).
/// Returns a 4xx result with a reason, or null when the activity can go on; the body stays readable.
/// </summary>
public static class ActivityRequestGuard
{
    /// <summary>Bot Framework activities are small; Teams caps messages at about 100 KB.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static async Task<IResult?> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Reject(413, "The activity is larger than the limit of 256 KB.");
        }
        if (request.ContentType == null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return Reject(415, "Send the activity as JSON (Content-Type: application/json).");
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes + 1);
        string body;
        try
        {
            body = await ReadLimitedAsync(request.Body, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return Reject(413, "The activity is larger than the limit of 256 KB.");
        }
        request.Body.Position = 0;

        JToken json;
        try
        {
            json = JToken.Parse(body);
        }
        catch (JsonException)
        {
            return Reject(400, "The body is not valid JSON.");
        }

        var reason = Validate(json);
        return reason == null ? null : Reject(400, reason);
    }

    /// <summary>Returns why the JSON is not an activity the adapter can process, or null when it is.</summary>
    public static string? Validate(JToken json)
    {
        if (json is not JObject activity)
        {
            return "The body must be a JSON object: a Bot Framework activity.";
        }
        if (!IsNonEmptyString(activity["type"]))
        {
            return "The activity has no 'type'.";
        }
        if (!IsNonEmptyString(activity["channelId"]))
        {
            return "The activity has no 'channelId'.";
        }
        if (activity["conversation"] is not JObject conversation || !IsNonEmptyString(conversation["id"]))
        {
            return "The activity has no 'conversation' with an 'id'.";
        }
        if (activity["from"] is not JObject)
        {
            return "The activity has no 'from' account.";
        }
        if (activity["serviceUrl"] is not JValue { Type: JTokenType.String } serviceUrl
            || !Uri.TryCreate((string?)serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "The activity has no absolute http(s) 'serviceUrl'.";
        }
        if (activity["deliveryMode"] is { Type: not (JTokenType.String or JTokenType.Null) })
        {
            return "'deliveryMode' must be a string.";
        }
        foreach (var list in new[] { "membersAdded", "membersRemoved" })
        {
            if (activity[list] is { Type: not JTokenType.Null } members
                && (members is not JArray array || array.Any(m => m is not JObject)))
            {
                return $"'{list}' must be an array of accounts.";
            }
        }
        try
        {
            activity.ToObject<Activity>();
        }
        catch (JsonException ex)
        {
            return $"The activity does not match the Bot Framework schema: {ex.Message}";
        }
        return null;
    }

    private static bool IsNonEmptyString(JToken? token) =>
        token is JValue { Type: JTokenType.String } value && !string.IsNullOrWhiteSpace((string?)value);

    private static async Task<string> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        // The Content-Length header can be absent (chunked): count the bytes as they come.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw new InvalidDataException("Body too large");
            }
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IResult Reject(int status, string reason) =>
        Results.Problem(title: "Invalid activity", detail: reason, statusCode: status);
}

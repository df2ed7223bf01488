using System.Buffers;
using System.Text;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Hosting;

/// <summary>
/// Reads and checks a POST /api/messages body before CloudAdapter sees it, which answers 500 to several malformed
/// activities (no serviceUrl, a deliveryMode of the wrong type, null entries in membersAdded...).
/// The body is read once and parsed once: the checks run on its JSON, and the activity handed to the adapter is read from
/// that JSON with the serializer CloudAdapter itself uses (<see cref="HttpHelper.BotMessageSerializer"/>). Reading it a
/// second time, as <c>CloudAdapter.ProcessAsync(HttpRequest, ...)</c> does, was a tenth of a turn's CPU (docs/performance.md).
/// </summary>
public static class ActivityRequestGuard
{
    /// <summary>Bot Framework activities are small; Teams caps messages at about 100 KB.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The activity of the request, or a 4xx result with a reason (then the activity is null).</summary>
    public static async Task<(Activity? Activity, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }
        if (request.ContentType == null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Reject(415, "Send the activity as JSON (Content-Type: application/json)."));
        }

        byte[] buffer;
        int length;
        try
        {
            (buffer, length) = await ReadLimitedAsync(request.Body, (int?)request.ContentLength, cancellationToken);
        }
        catch (IOException)
        {
            return (null, Reject(400, "The body could not be read to its end."));
        }
        try
        {
            if (length > MaxBodyBytes)
            {
                return (null, TooLarge());
            }
            if (Parse(buffer, length) is not { } json)
            {
                return (null, Reject(400, "The body is not valid JSON."));
            }
            if (Validate(json) is { } reason)
            {
                return (null, Reject(400, reason));
            }
            try
            {
                return (json.ToObject<Activity>(HttpHelper.BotMessageSerializer), null);
            }
            catch (JsonException ex)
            {
                return (null, Reject(400, $"The activity does not match the Bot Framework schema: {ex.Message}"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The JSON of the body, or null when it is not valid JSON (text after the value included). Dates stay strings, so
    /// the serializer reads timestamp and localTimestamp from their text, offset included, as from the body itself.
    /// </summary>
    private static JToken? Parse(byte[] buffer, int length)
    {
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(buffer, 0, length, writable: false), Encoding.UTF8))
            {
                DateParseHandling = DateParseHandling.None,
                ArrayPool = JsonCharPool.Instance,
            };
            var json = JToken.ReadFrom(reader);
            return reader.Read() ? null : json; // as JToken.Parse: nothing but whitespace after the value
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Returns why the JSON is not an activity the adapter can process, or null when its shape is right.</summary>
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
        if (activity["recipient"] is not JObject)
        {
            return "The activity has no 'recipient' account (the bot)."; // the turn reads it to remove the bot's @mention
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
        return null;
    }

    private static bool IsNonEmptyString(JToken? token) =>
        token is JValue { Type: JTokenType.String } value && !string.IsNullOrWhiteSpace((string?)value);

    /// <summary>
    /// The body in a pooled buffer (the caller returns it). The Content-Length header can be absent (chunked): the bytes
    /// are counted as they come, and reading stops at one byte over the limit.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadLimitedAsync(Stream body, int? contentLength, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(contentLength ?? 0, 4096, MaxBodyBytes) + 1);
        var length = 0;
        try
        {
            while (length <= MaxBodyBytes)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxBodyBytes + 1) - length), cancellationToken);
                if (read == 0) break;
                length += read;
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static IResult TooLarge() => Reject(413, "The activity is larger than the limit of 256 KB.");

    private static IResult Reject(int status, string reason) =>
        Results.Problem(title: "Invalid activity", detail: reason, statusCode: status);
}

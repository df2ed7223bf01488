using System.Reflection;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's

namespace ShopAdsBot.Middleware;

/// <summary>
/// Under expectReplies (the Emulator, the local Direct Line behind Web Chat, a load test) the turn's replies are
/// serialized into the HTTP answer once the turn is over. The Bot Schema puts a converter on
/// <see cref="Attachment.Content"/> that looks for MemoryStreams: it walks each card and copies it into a new JSON tree
/// before writing it, for cards of 6 to 19 KB here. Once the turn is over this middleware, the adapter's outermost,
/// swaps each buffered reply for a copy whose cards are their JSON text already (<see cref="JRaw"/>), which the
/// converter writes as it is. The answer's JSON is the same; the replies the bot and the middleware held keep their
/// cards as objects. The cards the app keeps as text (<see cref="Cards.KeptCards"/>) are left as they are.
/// </summary>
public sealed class ExpectedRepliesMiddleware : IMiddleware
{
    private static readonly Func<object, object> ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        await next(cancellationToken);

        if (turnContext is TurnContext { Activity.DeliveryMode: DeliveryModes.ExpectReplies } context)
        {
            var replies = context.BufferedReplyActivities;
            for (var i = 0; i < replies.Count; i++)
            {
                replies[i] = WithCardsAsText(replies[i]);
            }
        }
    }

    private static Activity WithCardsAsText(Activity reply)
    {
        if (reply.Attachments is not { Count: > 0 } attachments || !attachments.Any(IsCardTree))
        {
            return reply;
        }

        var copy = (Activity)ShallowCopy(reply);
        copy.Attachments = attachments
            .Select(a => IsCardTree(a)
                ? new Attachment(a.ContentType, a.ContentUrl, new JRaw(((JToken)a.Content).ToString(Formatting.None)), a.Name, a.ThumbnailUrl) { Properties = a.Properties }
                : a)
            .ToList();
        return copy;
    }

    /// <summary>A card held as JSON objects; a card kept as its text (<see cref="JRaw"/>) goes out as it is.</summary>
    private static bool IsCardTree(Attachment attachment) => attachment.Content is JToken and not JRaw;
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.TraceExtensions;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// The "Route" and "Flow" traces for the Emulator's inspector. Sent only on the "emulator" channel: the SDK drops traces
/// elsewhere, except under expectReplies, where they would reach the client.
/// </summary>
public static class EmulatorTrace
{
    /// <param name="value">Built only on the Emulator's channel: other channels never pay for a trace.</param>
    public static async Task SendAsync(ITurnContext context, string name, Func<JObject> value, CancellationToken cancellationToken)
    {
        if (context.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Emulator)
        {
            await context.TraceActivityAsync(name, value(), name, $"{name} trace", cancellationToken);
        }
    }
}

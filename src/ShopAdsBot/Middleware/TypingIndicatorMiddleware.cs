using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's
using Microsoft.Bot.Schema;

namespace ShopAdsBot.Middleware;

/// <summary>
/// Shows "typing…" when a message turn has not replied after <c>delay</c> (a slow storage or a cold start), once, and
/// never after a reply. The SDK's ShowTypingMiddleware does not fit: it keeps sending typing after the replies, puts
/// typing activities into expectReplies bodies, and an error while sending one fails the whole turn.
/// </summary>
public sealed class TypingIndicatorMiddleware(TimeSpan delay, TimeProvider time, ILogger<TypingIndicatorMiddleware>? logger = null) : IMiddleware
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        // Under expectReplies every reply comes back at once in the HTTP body: a typing indicator there means nothing.
        if (turnContext.Activity.Type != ActivityTypes.Message || turnContext.Activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            await next(cancellationToken);
            return;
        }

        // One gate for "has the bot replied" and "send the typing": typing is never sent after (or with) a reply.
        // Not disposed: the send handler below outlives this method when the turn fails (the adapter's error handler
        // sends its apology through it afterwards), and a SemaphoreSlim whose wait handle is never asked for holds nothing.
        var gate = new SemaphoreSlim(1, 1);
        var replied = false;
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            await gate.WaitAsync(CancellationToken.None);
            replied = true;
            gate.Release();
            return await nextSend();
        });

        using var turnDone = new CancellationTokenSource();
        var typing = SendTypingWhenSlowAsync(turnContext, gate, () => replied, turnDone.Token);
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            turnDone.Cancel();
            await typing;
        }
    }

    private async Task SendTypingWhenSlowAsync(ITurnContext turnContext, SemaphoreSlim gate, Func<bool> replied, CancellationToken turnDone)
    {
        try
        {
            await Task.Delay(delay, time, turnDone);
            await gate.WaitAsync(turnDone);
            try
            {
                if (!replied())
                {
                    var typing = new Activity { Type = ActivityTypes.Typing, RelatesTo = turnContext.Activity.RelatesTo };
                    typing.ApplyConversationReference(turnContext.Activity.GetConversationReference());
                    // Straight to the adapter: a typing indicator is not a reply (Responded stays false for the dialogs).
                    await turnContext.Adapter.SendActivitiesAsync(turnContext, [typing], turnDone);
                }
            }
            finally
            {
                gate.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended first: no typing needed.
        }
        catch (Exception ex)
        {
            // A typing indicator is a nicety: failing to send one must never fail the turn.
            logger?.LogWarning(ex, "Could not send a typing indicator");
        }
    }
}

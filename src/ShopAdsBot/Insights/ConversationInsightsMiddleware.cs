using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ShopAdsBot.Insights;

/// <summary>Adapter middleware: lets <see cref="InsightsRecorder"/> see the start of every message turn (ConversationStarted).</summary>
public sealed class ConversationInsightsMiddleware(InsightsRecorder recorder) : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type == ActivityTypes.Message)
        {
            await recorder.BeginTurnAsync(turnContext, cancellationToken);
        }
        await next(cancellationToken);
    }
}

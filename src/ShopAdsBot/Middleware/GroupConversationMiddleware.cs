using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's
using ShopAdsBot.Bots;

namespace ShopAdsBot.Middleware;

/// <summary>
/// In a Teams channel or group chat, suggested actions would be buttons that everyone sees but that Teams does not
/// show there (it renders them only in personal chats): replies go out without them, the card buttons remain.
/// </summary>
public sealed class GroupConversationMiddleware : IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (ConversationScope.IsGroup(turnContext.Activity))
        {
            turnContext.OnSendActivities((context, activities, nextSend) =>
            {
                foreach (var activity in activities)
                {
                    activity.SuggestedActions = null;
                }
                return nextSend();
            });
        }
        await next(cancellationToken);
    }
}

using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's
using ShopAdsBot.Bots;

namespace ShopAdsBot.Middleware;

/// <summary>
/// Suggested actions as Teams shows them: in a channel or group chat not at all (Teams renders them only in personal
/// chats, and everyone would see them), so replies go out without them and the card buttons remain; in a personal chat
/// at most <see cref="MaxInTeams"/>, the number Teams shows (the first ones are kept).
/// </summary>
public sealed class TeamsSuggestedActionsMiddleware : IMiddleware
{
    public const int MaxInTeams = 3;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams || ConversationScope.IsGroup(turnContext.Activity))
        {
            var group = ConversationScope.IsGroup(turnContext.Activity);
            turnContext.OnSendActivities((context, activities, nextSend) =>
            {
                foreach (var activity in activities)
                {
                    if (group)
                    {
                        activity.SuggestedActions = null;
                    }
                    else if (activity.SuggestedActions?.Actions is { Count: > MaxInTeams } actions)
                    {
                        activity.SuggestedActions.Actions = actions.Take(MaxInTeams).ToList();
                    }
                }
                return nextSend();
            });
        }
        await next(cancellationToken);
    }
}

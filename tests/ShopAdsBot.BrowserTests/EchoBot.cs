using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ShopAdsBot.BrowserTests;

/// <summary>A stand-in bot: greets in the conversation's locale and echoes messages with their locale.</summary>
public sealed class EchoBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded?.Any(m => m.Id != activity.Recipient.Id) == true)
        {
            await turnContext.SendActivityAsync($"welcome {activity.Locale}", cancellationToken: cancellationToken);
        }
        else if (activity.Type == ActivityTypes.Message)
        {
            await turnContext.SendActivityAsync($"echo {activity.Text} {activity.Locale}", cancellationToken: cancellationToken);
        }
    }
}

using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Localization;

namespace ShopAdsBot.Bots;

/// <summary>The bot: greets new members and answers messages. Saves state at the end of every turn.</summary>
public class ShopAdsSupportBot(ConversationState conversationState, UserState userState) : TeamsActivityHandler
{
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        foreach (var member in membersAdded)
        {
            if (member.Id != turnContext.Activity.Recipient?.Id)
            {
                await turnContext.SendActivityAsync(MessageFactory.Attachment(WelcomeCard(BotLanguage.Of(turnContext))), cancellationToken);
            }
        }
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var french = BotLanguage.Of(turnContext) == BotLanguage.French;
        await turnContext.SendActivityAsync(french
            ? "Je vous aide à configurer et dépanner les TikTok Shop Ads. Choisissez un sujet dans le menu ci-dessus."
            : "I help you set up and troubleshoot TikTok Shop Ads. Pick a topic in the menu above.", cancellationToken: cancellationToken);
    }

    private static Attachment WelcomeCard(string language) => new()
    {
        ContentType = "application/vnd.microsoft.card.adaptive",
        Content = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["fallbackText"] = language == BotLanguage.French ? "Bienvenue sur ShopAdsBot" : "Welcome to ShopAdsBot",
            ["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = "ShopAdsBot", ["wrap"] = true }),
        },
    };
}

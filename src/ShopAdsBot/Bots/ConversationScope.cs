using Microsoft.Bot.Schema;

namespace ShopAdsBot.Bots;

/// <summary>Where a conversation takes place: Teams says it in conversation.conversationType.</summary>
public static class ConversationScope
{
    /// <summary>A Teams team channel or group chat, where several people read the bot, as opposed to a personal chat.</summary>
    public static bool IsGroup(IActivity activity) =>
        activity.Conversation?.ConversationType is "channel" or "groupChat"
        || (activity.Conversation?.IsGroup == true && activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams);
}

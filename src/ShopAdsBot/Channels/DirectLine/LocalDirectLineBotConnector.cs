using System.Security.Claims;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Newtonsoft.Json;
using ShopAdsBot.Localization;

namespace ShopAdsBot.Channels.DirectLine;

/// <summary>
/// Hands a local Direct Line activity to the bot through the same CloudAdapter and IBot as /api/messages, with
/// deliveryMode "expectReplies" so that the bot's replies come back in the turn's result instead of being posted to a
/// serviceUrl, and stores the echo and the replies in the conversation for Web Chat to read.
/// </summary>
public sealed class LocalDirectLineBotConnector(
    CloudAdapter adapter,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<LocalDirectLineBotConnector> logger)
{
    public const string ChannelId = "webchat";

    internal static readonly JsonSerializerSettings WireSettings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 32,
        DateParseHandling = DateParseHandling.None,
    };

    private static readonly HashSet<string> DroppedReplyTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ActivityTypes.Trace, ActivityTypes.Delay, "invokeResponse",
    };

    public ChannelAccount BotAccount
    {
        get
        {
            var appId = configuration["MicrosoftAppId"];
            return new ChannelAccount(string.IsNullOrEmpty(appId) ? "ShopAdsBot" : appId, "ShopAdsBot", RoleTypes.Bot);
        }
    }

    /// <summary>Emulates Azure's Direct Line: when a conversation starts, the bot hears that it and the user joined.</summary>
    public async Task StartAsync(LocalConversation conversation, string serviceUrl, string? locale, CancellationToken cancellationToken)
    {
        var user = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [BotAccount, user],
            From = user,
            Locale = locale,
        };
        await RunTurnAsync(conversation, update, serviceUrl, cancellationToken);
    }

    /// <summary>Stores the user's activity (the echo Web Chat waits for) and runs the bot's turn on it. Returns the activity id.</summary>
    public async Task<string> PostAsync(LocalConversation conversation, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        await conversation.TurnLock.WaitAsync(cancellationToken);
        try
        {
            var sequence = conversation.ReserveSequence();
            Stamp(activity, conversation, sequence, serviceUrl);
            activity.From = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
            activity.Recipient = BotAccount;
            conversation.Append(sequence, JsonConvert.SerializeObject(activity, WireSettings));

            // Typing indicators are shown to nobody but the bot, which has no use for them here.
            if (activity.Type != ActivityTypes.Typing)
            {
                await DeliverAsync(conversation, activity, serviceUrl, cancellationToken);
            }

            return activity.Id;
        }
        finally
        {
            conversation.TurnLock.Release();
        }
    }

    private async Task RunTurnAsync(LocalConversation conversation, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        await conversation.TurnLock.WaitAsync(cancellationToken);
        try
        {
            Stamp(activity, conversation, sequence: null, serviceUrl);
            activity.Recipient = BotAccount;
            await DeliverAsync(conversation, activity, serviceUrl, cancellationToken);
        }
        finally
        {
            conversation.TurnLock.Release();
        }
    }

    private async Task DeliverAsync(LocalConversation conversation, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        // The bot gets its own copy: expectReplies is a channel detail that the echo must not carry.
        var toBot = JsonConvert.DeserializeObject<Activity>(JsonConvert.SerializeObject(activity, WireSettings), WireSettings)!;
        toBot.DeliveryMode = DeliveryModes.ExpectReplies;

        IList<Activity> replies;
        try
        {
            using var scope = scopes.CreateScope();
            var bot = scope.ServiceProvider.GetRequiredService<IBot>();
            var response = await adapter.ProcessActivityAsync(Identity(), toBot, bot.OnTurnAsync, cancellationToken);
            replies = (response?.Body as ExpectedReplies)?.Activities ?? [];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The adapter's OnTurnError normally answers; this is the last guard, so the page gets a reply and not a 500.
            logger.LogError(ex, "The bot failed a local Direct Line turn in conversation {ConversationId}", conversation.Id);
            replies = [MessageFactory.Text(BotLanguage.FromLocale(activity.Locale) == BotLanguage.French
                ? "Désolé, une erreur est survenue. Veuillez réessayer."
                : "Sorry, something went wrong. Please try again.")];
        }

        foreach (var reply in replies)
        {
            if (reply is null || DroppedReplyTypes.Contains(reply.Type ?? string.Empty))
            {
                continue;
            }

            var sequence = conversation.ReserveSequence();
            Stamp(reply, conversation, sequence, serviceUrl);
            reply.From = BotAccount;
            reply.Recipient = new ChannelAccount(conversation.UserId, role: RoleTypes.User);
            reply.ReplyToId ??= activity.Id;
            reply.DeliveryMode = null;
            conversation.Append(sequence, JsonConvert.SerializeObject(reply, WireSettings));
        }
    }

    private void Stamp(Activity activity, LocalConversation conversation, long? sequence, string serviceUrl)
    {
        if (sequence is { } s)
        {
            activity.Id = LocalConversation.ActivityId(conversation.Id, s);
        }

        activity.Timestamp = clock.GetUtcNow();
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = serviceUrl;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
    }

    private ClaimsIdentity Identity()
    {
        // The local channel is trusted in-process: it speaks for the bot's own app id (none when running without auth),
        // the identity the adapter would have built for an authenticated channel request.
        var appId = configuration["MicrosoftAppId"];
        return string.IsNullOrEmpty(appId)
            ? new ClaimsIdentity(new List<Claim>(), AuthenticationConstants.AnonymousAuthType)
            : new ClaimsIdentity(
                [new Claim(AuthenticationConstants.AudienceClaim, appId), new Claim(AuthenticationConstants.AppIdClaim, appId)],
                "LocalDirectLine");
    }
}

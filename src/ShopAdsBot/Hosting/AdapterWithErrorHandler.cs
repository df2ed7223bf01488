using System.Security.Claims;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ShopAdsBot.Content;
using ShopAdsBot.Localization;

namespace ShopAdsBot.Hosting;

/// <summary>
/// The CloudAdapter of the samples: an unhandled exception in a turn is logged, the user is told in their
/// language, and the Emulator gets a trace with the details. The middleware registered as IMiddleware runs on every turn.
/// </summary>
public class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<AdapterWithErrorHandler> logger, MenuDefinition strings, IEnumerable<IMiddleware>? middleware = null)
        : base(auth, logger)
    {
        foreach (var m in middleware ?? [])
        {
            Use(m);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            // A StorageConflictException is two concurrent turns of one conversation (see BlobsStorage), not a fault.
            logger.Log(
                exception is StorageConflictException ? LogLevel.Warning : LogLevel.Error,
                exception,
                "Unhandled error in a turn of conversation {ConversationId}",
                turnContext.Activity.Conversation?.Id);
            try
            {
                var key = exception is StorageConflictException ? "conflictMessage" : "errorMessage";
                await turnContext.SendActivityAsync(strings.Text(key, BotLanguage.Of(turnContext)));
                if (turnContext.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Emulator)
                {
                    await turnContext.TraceActivityAsync("OnTurnError Trace", exception.ToString(), "https://www.botframework.com/schemas/error", "TurnError");
                }
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "The error handler itself failed");
            }
        };
    }

    /// <summary>
    /// Runs an activity from an in-process channel (the local Direct Line behind Web Chat), whose caller is already
    /// trusted, through this same adapter: middleware, OnTurnError and expectReplies included. CloudAdapter keeps its
    /// own overloads protected, and BotAdapter's public one throws NotImplementedException.
    /// </summary>
    public override Task<InvokeResponse> ProcessActivityAsync(ClaimsIdentity claimsIdentity, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var authentication = new AuthenticateRequestResult
        {
            ClaimsIdentity = claimsIdentity,
            Audience = BotFrameworkAuthentication.GetOriginatingAudience(),
            ConnectorFactory = BotFrameworkAuthentication.CreateConnectorFactory(claimsIdentity),
        };
        return ProcessActivityAsync(authentication, activity, callback, cancellationToken);
    }
}

using System.Security.Claims;
using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using ShopAdsBot.Content;
using ShopAdsBot.Localization;
using ShopAdsBot.Middleware;
using ShopAdsBot.Storage;

namespace ShopAdsBot.Hosting;

/// <summary>
/// The CloudAdapter of the samples: an unhandled exception in a turn is logged with the conversation id, the user is
/// told in their language, and the Emulator gets a trace with the details. A storage conflict or fault leaves the
/// stored state as it was (the turn saved nothing); any other failure resets the conversation's state, as the samples'
/// error handler does, so that one bad state never traps a seller in an error loop.
/// The middleware registered as IMiddleware runs on every turn.
/// </summary>
public class AdapterWithErrorHandler : CloudAdapter
{
    public AdapterWithErrorHandler(BotFrameworkAuthentication auth, ILogger<AdapterWithErrorHandler> logger, MenuDefinition strings, ConversationState conversationState, IEnumerable<IMiddleware>? middleware = null)
        : base(auth, logger)
    {
        Use(new ExpectedRepliesMiddleware()); // outermost: it sees the turn's replies once everything else has run
        foreach (var m in middleware ?? [])
        {
            Use(m);
        }

        OnTurnError = async (turnContext, exception) =>
        {
            var conversationId = turnContext.Activity.Conversation?.Id;
            var (level, message) = exception switch
            {
                // Two messages of one conversation kept racing (StateFirstMiddleware already ran it again): not a fault.
                StorageConflictException => (LogLevel.Warning, "conflictMessage"),
                StorageUnavailableException => (LogLevel.Error, "storageErrorMessage"),
                _ => (LogLevel.Error, "errorMessage"),
            };
            logger.Log(level, exception, "Unhandled error in a turn of conversation {ConversationId}", conversationId);
            if (exception is not (StorageConflictException or StorageUnavailableException))
            {
                try
                {
                    await conversationState.DeleteAsync(turnContext);
                }
                catch (Exception inner)
                {
                    logger.LogError(inner, "Could not reset the state of conversation {ConversationId}", conversationId);
                }
            }

            try
            {
                await turnContext.SendActivityAsync(strings.Text(message, BotLanguage.Of(turnContext)));
                if (turnContext.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Emulator)
                {
                    await turnContext.TraceActivityAsync("OnTurnError Trace", exception.ToString(), "https://www.botframework.com/schemas/error", "TurnError");
                }
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "The error handler itself failed in conversation {ConversationId}", conversationId);
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

    /// <summary>
    /// Runs an activity POSTed to /api/messages, read once by <see cref="ActivityRequestGuard"/>: what
    /// <c>CloudAdapter.ProcessAsync(HttpRequest, ...)</c> does once it has read the body again, the Authorization header
    /// checked by the same BotFrameworkAuthentication.
    /// </summary>
    public Task<InvokeResponse> ProcessHttpActivityAsync(string authHeader, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(authHeader, activity, callback, cancellationToken);
}

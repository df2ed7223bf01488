using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using ShopAdsBot.Dialogs;

namespace ShopAdsBot.Hosting;

/// <summary>The HTTP surface: POST /api/messages (Bot Framework activities) and GET /healthz.</summary>
public static class BotEndpoints
{
    public static WebApplication MapShopAdsBot(this WebApplication app)
    {
        // Build the content, the recognizer, the dialogs and the storage now, not on the first message.
        app.Services.GetRequiredService<MainDialog>();
        app.Services.GetRequiredService<IStorage>();

        app.MapGet("/healthz", () => Results.Text("ok"));

        app.MapPost("/api/messages", async (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, AuthenticationFailures authentication, ILogger<IBot> logger) =>
        {
            // Malformed activities make CloudAdapter answer 500: refuse them here with a reason instead.
            var problem = await ActivityRequestGuard.CheckAsync(http.Request, http.RequestAborted);
            if (problem != null)
            {
                await problem.ExecuteAsync(http);
                return;
            }

            // A turn's own failures are answered by the adapter's OnTurnError; what escapes is authentication's, and
            // it fails closed: never a 500, never a turn for an unauthenticated caller.
            try
            {
                await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
                if (http.Response.StatusCode == StatusCodes.Status401Unauthorized && !http.Response.HasStarted)
                {
                    // CloudAdapter answers some refusals itself, with an empty body: give the reason, as for the others.
                    await Unauthorized(http);
                }
            }
            catch (Exception ex) when (AuthenticationFailures.IsSigningKeysUnavailable(ex) && !http.Response.HasStarted)
            {
                authentication.ReportSigningKeysUnavailable(ex);
                http.Response.Headers.RetryAfter = AuthenticationFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(title: "Service Unavailable", detail: "The bearer token cannot be checked now: the signing keys are unavailable.", statusCode: 503).ExecuteAsync(http);
            }
            catch (Exception ex) when (AuthenticationFailures.IsRefusedToken(ex) && !http.Response.HasStarted)
            {
                logger.LogWarning("Rejected an activity: {Reason}", ex.Message);
                await Unauthorized(http);
            }
        });
        return app;
    }

    private static Task Unauthorized(HttpContext http) =>
        Results.Problem(title: "Unauthorized", detail: "The bearer token is missing or not valid.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(http);
}

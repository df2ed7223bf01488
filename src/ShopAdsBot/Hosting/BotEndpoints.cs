using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using ShopAdsBot.Dialogs;

namespace ShopAdsBot.Hosting;

/// <summary>The HTTP surface: POST /api/messages (Bot Framework activities) and GET /healthz.</summary>
public static class BotEndpoints
{
    public static WebApplication MapShopAdsBot(this WebApplication app)
    {
        // Build the content, the recognizer and the dialogs now, not on the first message.
        app.Services.GetRequiredService<MainDialog>();

        app.MapGet("/healthz", () => Results.Text("ok"));

        app.MapPost("/api/messages", async (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<IBot> logger) =>
        {
            // Malformed activities make CloudAdapter answer 500: refuse them here with a reason instead.
            var problem = await ActivityRequestGuard.CheckAsync(http.Request, http.RequestAborted);
            if (problem != null)
            {
                await problem.ExecuteAsync(http);
                return;
            }

            try
            {
                await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or Microsoft.IdentityModel.Tokens.SecurityTokenException or ArgumentException)
            {
                // A missing, malformed or unverifiable bearer token: the caller is not authenticated.
                logger.LogWarning("Rejected an activity: {Reason}", ex.Message);
                if (!http.Response.HasStarted)
                {
                    await Results.Problem(title: "Unauthorized", detail: "The bearer token is missing or not valid.", statusCode: 401).ExecuteAsync(http);
                }
            }
        });
        return app;
    }
}

using Microsoft.Bot.Builder;
using ShopAdsBot.Dialogs;

namespace ShopAdsBot.Hosting;

/// <summary>The HTTP surface: POST /api/messages (Bot Framework activities) and GET /healthz.</summary>
public static class BotEndpoints
{
    public static WebApplication MapShopAdsBot(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok"));

        app.MapPost("/api/messages", ProcessMessageAsync);
        return app;
    }

    /// <summary>
    /// POST /api/messages: one Bot Framework activity. The benchmarks run it in process too (InProcessBot), with no server.
    /// </summary>
    public static async Task ProcessMessageAsync(HttpContext http)
    {
        // Malformed activities make CloudAdapter answer 500: refuse them here with a reason instead. The activity is read
        // once, here, and handed to the adapter as CloudAdapter.ProcessAsync does after reading the body itself.
        var (activity, problem) = await ActivityRequestGuard.ReadAsync(http.Request, http.RequestAborted);
        if (problem != null)
        {
            await problem.ExecuteAsync(http);
            return;
        }

        // A turn's own failures are answered by the adapter's OnTurnError; what escapes is authentication's, and it
        // fails closed: never a 500, never a turn for an unauthenticated caller.
        var services = http.RequestServices;
        try
        {
            string? authHeader = http.Request.Headers.Authorization; // null when absent, as CloudAdapter reads it
            var adapter = services.GetRequiredService<AdapterWithErrorHandler>();
            var invokeResponse = await adapter.ProcessHttpActivityAsync(authHeader!, activity!, services.GetRequiredService<IBot>().OnTurnAsync, http.RequestAborted);
            await InvokeResponseWriter.WriteAsync(http.Response, invokeResponse);
        }
        catch (Exception ex) when (AuthenticationFailures.IsSigningKeysUnavailable(ex) && !http.Response.HasStarted)
        {
            services.GetRequiredService<AuthenticationFailures>().ReportSigningKeysUnavailable(ex);
            http.Response.Headers.RetryAfter = AuthenticationFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem(title: "Service Unavailable", detail: "The bearer token cannot be checked now: the signing keys are unavailable.", statusCode: 503).ExecuteAsync(http);
        }
        catch (Exception ex) when (AuthenticationFailures.IsRefusedToken(ex) && !http.Response.HasStarted)
        {
            services.GetRequiredService<ILogger<IBot>>().LogWarning("Rejected an activity: {Reason}", ex.Message);
            await Unauthorized(http);
        }
    }

    private static Task Unauthorized(HttpContext http) =>
        Results.Problem(title: "Unauthorized", detail: "The bearer token is missing or not valid.", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(http);
}

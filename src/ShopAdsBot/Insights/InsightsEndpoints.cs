using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using ShopAdsBot.Content;

namespace ShopAdsBot.Insights;

/// <summary>
/// GET /insights (the page, or its sign-in form), POST /insights/sign-in and /insights/sign-out, and the JSON API
/// under /insights/api/ (docs/insights.md). Every route checks <see cref="InsightsAccess"/> first: no data before it.
/// </summary>
public static class InsightsEndpoints
{
    public static WebApplication MapInsights(this WebApplication app)
    {
        // Create the store (and its file) and read the hash salt at start-up, not during the first turn.
        app.Services.GetService<SqliteInsightsStore>();
        _ = app.Services.GetRequiredService<Lazy<ConversationHasher>>().Value;
        if (app.Services.GetService<SqliteInsightsStore>() is null)
        {
            // Insights:Kind = None: nothing is kept in the app, so there is nothing to show.
            app.MapMethods("/insights/{**rest}", [HttpMethods.Get, HttpMethods.Post], () => Results.NotFound());
            return app;
        }

        app.MapGet("/insights", (HttpContext http, InsightsAccess access) => access.Check(http) switch
        {
            InsightsAccessResult.Allowed => Page("insights.html", StatusCodes.Status200OK, SignOutButton),
            InsightsAccessResult.SignInRequired => SignInPage(null),
            _ => Results.NotFound(),
        });

        app.MapPost("/insights/sign-in", async (HttpContext http, InsightsAccess access) =>
        {
            if (access.Check(http) == InsightsAccessResult.NotFound)
            {
                return Results.NotFound();
            }
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            if (!access.IsAdminKey(form?["key"]))
            {
                return SignInPage("Clé incorrecte. / Wrong key.");
            }
            access.SignIn(http.Response);
            return Results.Redirect("/insights", permanent: false, preserveMethod: false);
        });

        app.MapPost("/insights/sign-out", (HttpContext http) =>
        {
            InsightsAccess.SignOut(http.Response);
            return Results.Redirect("/insights");
        });

        var api = app.MapGroup("/insights/api").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.CacheControl = "no-store";
            return http.RequestServices.GetRequiredService<InsightsAccess>().Check(http) switch
            {
                InsightsAccessResult.Allowed => await next(context),
                InsightsAccessResult.SignInRequired => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: "Send Authorization: Bearer <Insights:AdminKey>, or sign in at /insights."),
                _ => Results.NotFound(),
            };
        });

        api.MapGet("/summary", async (string? from, string? to, [FromServices] SqliteInsightsStore store, ContentCatalog content, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var (range, error) = DateRange.Parse(from, to, Today(clock));
            return range is null
                ? BadRequest(error!)
                : Results.Ok(await store.SummaryAsync(range.From, range.To, content.Flows.Keys, cancellationToken));
        });

        api.MapGet("/daily", async (string? from, string? to, [FromServices] SqliteInsightsStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var (range, error) = DateRange.Parse(from, to, Today(clock));
            return range is null ? BadRequest(error!) : Results.Ok(new { days = await store.DailyAsync(range.From, range.To, cancellationToken) });
        });

        api.MapGet("/csv/{table}", async (string table, string? from, string? to, [FromServices] SqliteInsightsStore store, ContentCatalog content, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (!InsightsCsv.Tables.Contains(table))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown table",
                    detail: $"The tables are: {string.Join(", ", InsightsCsv.Tables)}.");
            }
            var (range, error) = DateRange.Parse(from, to, Today(clock));
            if (range is null)
            {
                return BadRequest(error!);
            }
            var csv = table == "conversations"
                ? InsightsCsv.Conversations(await store.DailyAsync(range.From, range.To, cancellationToken))
                : CsvOfSummary(table, await store.SummaryAsync(range.From, range.To, content.Flows.Keys, cancellationToken));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"insights-{table}-{range}.csv");
        });
        return app;
    }

    private static string CsvOfSummary(string table, InsightsSummary summary) => table switch
    {
        "branches" => InsightsCsv.Branches(summary.Branches),
        "nodes" => InsightsCsv.Nodes(summary.Nodes),
        _ => InsightsCsv.NotUnderstood(summary.NotUnderstood),
    };

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static IResult BadRequest(string reason) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date range", detail: reason);

    private static IResult SignInPage(string? error)
    {
        var message = error is null ? "" : $"<p class=\"signin-error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        return Page("sign-in.html", StatusCodes.Status401Unauthorized, "", html => html.Replace("<!--error-->", message));
    }

    private const string SignOutButton = """<form method="post" action="/insights/sign-out" class="signout"><button type="submit">Déconnexion</button></form>""";

    /// <summary>A page: layout.html around one of the embedded fragments (Insights/Page/), with its header buttons.</summary>
    private static IResult Page(string name, int status, string header, Func<string, string>? edit = null)
    {
        var main = Embedded(name);
        var html = Embedded("layout.html").Replace("<!--header-->", header).Replace("<!--main-->", edit is null ? main : edit(main));
        return new PageResult(html, status);
    }

    private static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"ShopAdsBot.Insights.Page.{name}")
            ?? throw new InvalidOperationException($"Insights/Page/{name} is not embedded");
        return new StreamReader(stream).ReadToEnd();
    }

    private sealed class PageResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            return http.Response.WriteAsync(html);
        }
    }
}

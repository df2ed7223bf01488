using System.Net;

namespace ShopAdsBot.Channels.WebChat;

/// <summary>
/// GET /widget-demo (Development only): a plain host page with the one-line widget snippet, so that a developer sees
/// the widget as a site owner would. "?page=2" is a second page of that "site", to try the conversation following the
/// visitor. The page is a template embedded in the assembly, so it is not a static file that Production would serve.
/// </summary>
public static class WidgetDemoEndpoint
{
    public const string Path = "/widget-demo";

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(WidgetDemoEndpoint).Assembly.GetManifestResourceStream("ShopAdsBot.WidgetDemo.html")
            ?? throw new InvalidOperationException("The widget demo page is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static IEndpointConventionBuilder MapWidgetDemo(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, (HttpRequest request, int? page) =>
        {
            var origin = WebUtility.HtmlEncode($"{request.Scheme}://{request.Host}{request.PathBase}");
            var second = page == 2;
            var html = Template.Value
                .Replace("{{origin}}", origin)
                .Replace("{{page}}", second ? "2" : "1")
                .Replace("{{otherPage}}", second ? Path : Path + "?page=2")
                .Replace("{{otherPageNumber}}", second ? "1" : "2");
            return Results.Content(html, "text/html; charset=utf-8");
        });
}

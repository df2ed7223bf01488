using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Insights;

/// <summary>Who may open /insights: Development on this machine freely; otherwise only with Insights:AdminKey.</summary>
public sealed class InsightsAccessTests
{
    private const string Key = "test-admin-key-7f3a";

    private static BotHost Production(string? key = Key, string kind = "Sqlite") => new()
    {
        HostEnvironment = "Production",
        Settings = new Dictionary<string, string?> { ["Insights:AdminKey"] = key, ["Insights:Kind"] = kind },
    };

    private static HttpClient NoRedirects(BotHost host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task In_Development_the_page_and_the_API_answer_without_a_key()
    {
        using var host = new BotHost();
        var client = host.CreateClient();

        var page = await client.GetAsync("/insights");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/lib/chart.js/chart.umd.js", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/insights/api/summary")).StatusCode);
    }

    [Fact]
    public async Task Outside_Development_the_API_needs_the_key_as_a_bearer_token()
    {
        using var host = Production();
        var client = host.CreateClient();

        var anonymous = await client.GetAsync("/insights/api/summary");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("branches", await anonymous.Content.ReadAsStringAsync());

        foreach (var wrong in new[] { "wrong", Key + "x", Key[..^1], "" })
        {
            using var bad = new HttpRequestMessage(HttpMethod.Get, "/insights/api/summary");
            bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(bad)).StatusCode);
        }

        using var good = new HttpRequestMessage(HttpMethod.Get, "/insights/api/summary");
        good.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var response = await client.SendAsync(good);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"branches\"", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task The_page_asks_for_the_key_once_and_keeps_a_strict_cookie()
    {
        using var host = Production();
        var client = NoRedirects(host);

        var signInForm = await client.GetAsync("/insights");
        Assert.Equal(HttpStatusCode.Unauthorized, signInForm.StatusCode);
        var form = await signInForm.Content.ReadAsStringAsync();
        Assert.Contains("action=\"/insights/sign-in\"", form);
        Assert.DoesNotContain("insights-page.js", form);

        var wrong = await client.PostAsync("/insights/sign-in", new FormUrlEncodedContent([new("key", "nope")]));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("signin-error", await wrong.Content.ReadAsStringAsync());
        Assert.False(wrong.Headers.Contains("Set-Cookie"));

        var signedIn = await client.PostAsync("/insights/sign-in", new FormUrlEncodedContent([new("key", Key)]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/insights", signedIn.Headers.Location!.ToString());
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/insights", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Key, cookie);

        var value = cookie.Split(';')[0];
        foreach (var path in new[] { "/insights", "/insights/api/summary", "/insights/api/csv/branches" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", value);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/insights/api/summary");
        forged.Headers.Add("Cookie", value[..^2] + "00");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task With_no_key_configured_outside_Development_insights_do_not_exist()
    {
        using var host = Production(key: null);
        var client = NoRedirects(host);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/insights/api/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/insights/sign-in", new FormUrlEncodedContent([new("key", "")]))).StatusCode);
    }

    [Fact]
    public async Task With_Kind_None_there_is_no_page_even_with_a_key()
    {
        using var host = Production(kind: "None");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/insights/api/summary");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(ActivityJson.Message("menu"))).StatusCode);
    }
}

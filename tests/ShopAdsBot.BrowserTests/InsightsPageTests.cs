using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShopAdsBot.Insights;
using ShopAdsBot.Tests.Insights;
using static Microsoft.Playwright.Assertions;

namespace ShopAdsBot.BrowserTests;

/// <summary>The host of the /insights page test, with its own Insights file.</summary>
public sealed class InsightsFixture() : BrowserFixture(null);

/// <summary>The /insights page in Debian's chromium, after the scripted conversations: charts drawn, numbers in tables.</summary>
public class InsightsPageTests(InsightsFixture fixture) : IClassFixture<InsightsFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patience = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_page_shows_the_scripted_figures_in_charts_and_tables()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var script = new InsightsScript(http);
        await script.RunAsync();
        await fixture.Services.GetRequiredService<InsightsQueue>().WhenWrittenAsync();

        var (page, requests) = await fixture.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(fixture.BaseUrl + "/insights");
        await Expect(page.Locator("body[data-loaded=true]")).ToBeVisibleAsync(Patience);

        await Expect(page.Locator("#kpi-conversations")).ToHaveTextAsync("4");
        await Expect(page.Locator("#kpi-resolution")).ToHaveTextAsync("33 %"); // 2 yes out of 6 ratings
        await Expect(page.Locator("#kpi-escalation")).ToHaveTextAsync("1");
        await Expect(page.Locator("#kpi-not-understood")).ToHaveTextAsync("2");

        // The tables hold the chart's numbers.
        await Expect(Row(page, "table-branches", "ads-tab-missing")).ToHaveTextAsync(new[] { "ads-tab-missing", "1", "0", "3", "1", "0 %" });
        // create-ad: started from the menu, and once more when it is the suggestion the script takes (as with today's model).
        var createAdStarted = script.SuggestionTaken == "create-ad" ? "2" : "1";
        await Expect(Row(page, "table-branches", "create-ad")).ToContainTextAsync(new[] { "create-ad", createAdStarted, "1", "1", "0", "50 %" });
        await Expect(Row(page, "table-nodes", "product-gmv-max")).ToHaveTextAsync(new[] { "create-ad", "product-gmv-max", "0", "1" });
        await Expect(Row(page, "table-not-understood", "[e-mail]")).ToHaveTextAsync(new[] { InsightsScript.OffTopicMasked, "1", "none" });
        await Expect(page.Locator("#table-conversations tbody tr")).ToHaveCountAsync(4); // 4 (channel, language) pairs today

        // Each chart is drawn by Chart.js with the same numbers.
        var started = await page.EvaluateAsync<int[]>("() => Chart.getChart('chart-branches').data.datasets[0].data");
        Assert.Equal(4, started.Sum());
        var perChannel = await page.EvaluateAsync<int>("() => Chart.getChart('chart-by-channel').data.datasets.reduce((s, d) => s + d.data.reduce((a, b) => a + b, 0), 0)");
        Assert.Equal(4, perChannel);
        var failing = await page.EvaluateAsync<int[]>("() => Chart.getChart('chart-nodes').data.datasets[0].data");
        Assert.Equal([1, 1, 1, 1, 0, 0], failing);
        foreach (var id in new[] { "chart-by-channel", "chart-by-language", "chart-branches", "chart-nodes" })
        {
            Assert.True(await page.EvaluateAsync<bool>($"() => document.getElementById('{id}').width > 0"), id);
        }

        var csv = page.Locator("a[data-csv=branches]");
        Assert.Matches(@"^/insights/api/csv/branches\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$", await csv.GetAttributeAsync("href"));

        await page.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath("insights-page.png"), FullPage = true });
        Assert.Empty(errors);
        WebChatPageTests.AssertNothingLeftTheMachine(requests);
        Assert.Contains(requests, r => r.EndsWith("/lib/chart.js/chart.umd.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_day_range_without_data_says_so()
    {
        var (page, _) = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/insights?from=2020-01-01&to=2020-01-31");
        await Expect(page.Locator("body[data-loaded=true]")).ToBeVisibleAsync(Patience);

        await Expect(page.Locator("#kpi-conversations")).ToHaveTextAsync("0");
        await Expect(page.Locator("#table-nodes tbody td.empty")).ToBeVisibleAsync();
        Assert.Equal("2020-01-01", await page.Locator("#from").InputValueAsync());
    }

    private static ILocator Row(IPage page, string table, string text) =>
        page.Locator($"#{table} tbody tr").Filter(new() { HasText = text }).Locator("td");
}

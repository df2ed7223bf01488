using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ShopAdsBot.BrowserTests;

/// <summary>What a seller does on the page with the real bot: open it, read cards, click buttons, type.</summary>
internal static class Chat
{
    public static readonly LocatorAssertionsToBeVisibleOptions Patience = new() { Timeout = 20_000 };

    /// <summary>The first card of a fresh page: the 5 MB Web Chat bundle is parsed first, slow on a busy machine.</summary>
    public static readonly LocatorAssertionsToBeVisibleOptions FirstCardPatience = new() { Timeout = 60_000 };

    /// <summary>
    /// The visible card button with exactly this title, the latest one. Adaptive Cards in Web Chat also keep hidden
    /// copies (ShowCard bodies, overflow): skip them; earlier cards keep their buttons: take the last.
    /// </summary>
    public static ILocator CardButton(IPage page, string title) => CardButton(page.Locator(":root"), title);

    /// <summary>The same inside a scope: the chat view in the widget's iframe (<c>page.FrameLocator(...).Locator(":root")</c>).</summary>
    public static ILocator CardButton(ILocator scope, string title) =>
        scope.Locator(".webchat__basic-transcript .ac-pushButton")
            .Filter(new() { HasTextRegex = new Regex("^\\s*" + Typographic(title) + "\\s*$"), Visible = true }).Last;

    /// <summary>The latest visible card that contains this text.</summary>
    public static ILocator CardText(IPage page, string text) => CardText(page.Locator(":root"), text);

    public static ILocator CardText(ILocator scope, string text) =>
        scope.Locator(".webchat__basic-transcript .ac-adaptiveCard").Filter(new() { HasTextRegex = new Regex(Typographic(text)), Visible = true }).Last;

    /// <summary>The latest activity (avatar, bubble and card) that contains this text: what a screenshot of a card shows.</summary>
    public static ILocator Activity(IPage page, string text) => Activity(page.Locator(":root"), text);

    public static ILocator Activity(ILocator scope, string text) =>
        scope.Locator(".webchat__basic-transcript__activity").Filter(new() { HasTextRegex = new Regex(Typographic(text)), Visible = true }).Last;

    /// <summary>
    /// A pattern for a text as Web Chat shows it: its markdown typographer turns straight quotes into curly ones
    /// (l'onglet → l’onglet), and "..." into "…".
    /// </summary>
    public static string Typographic(string text) =>
        Regex.Escape(text).Replace("'", "['’]").Replace("\"", "[\"“”]").Replace("\\.\\.\\.", "(\\.\\.\\.|…)");

    /// <summary>Opens the page in a language. Action.OpenUrl targets are recorded in window.__opened instead of opened.</summary>
    public static async Task<(IPage Page, List<string> Requests)> OpenAsync(BrowserFixture fixture, string lang = "fr")
    {
        var (page, requests) = await fixture.NewPageAsync();
        await page.AddInitScriptAsync("window.__opened = []; window.open = function (url) { window.__opened.push(String(url)); return null; };");
        await page.GotoAsync(fixture.BaseUrl + "/?lang=" + lang);
        await Expect(CardText(page, SeedContent.MenuString("welcomeTitle", lang))).ToBeVisibleAsync(Patience);
        return (page, requests);
    }

    public static async Task SendAsync(IPage page, string text)
    {
        var sendBox = WebChatPageTests.SendBox(page);
        await sendBox.FillAsync(text);
        await sendBox.PressAsync("Enter");
    }

    public static async Task ClickAsync(IPage page, string title) => await ClickAsync(page.Locator(":root"), title);

    public static async Task ClickAsync(ILocator scope, string title) =>
        await CardButton(scope, title).ClickAsync(new() { Timeout = 20_000 });

    /// <summary>The URLs the page asked window.open to open (Action.OpenUrl).</summary>
    public static async Task<string[]> OpenedUrlsAsync(IPage page) => await page.EvaluateAsync<string[]>("() => window.__opened");

    public static Task ScreenshotAsync(ILocator element, string fileName) =>
        element.ScreenshotAsync(new() { Path = BrowserFixture.ArtifactPath(fileName), Animations = ScreenshotAnimations.Disabled });
}

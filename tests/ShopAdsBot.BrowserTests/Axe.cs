using System.Text.Json;
using Microsoft.Playwright;
using ShopAdsBot.TestSupport;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// axe-core (npm, pinned in axe/package-lock.json, installed with npm ci on first use) run inside a page or a frame
/// with the WCAG 2.0 and 2.1 A and AA rules. It is evaluated through the DevTools protocol, which the pages' CSP
/// (no inline script) does not apply to, so the pages are checked exactly as they are served.
/// </summary>
internal static class Axe
{
    private static readonly Lazy<Task<string>> Source = new(async () =>
    {
        var root = await PinnedNpmPackages.EnsureInstalledAsync(Path.Combine(SeedContent.Root, "tests", "ShopAdsBot.BrowserTests", "axe"), "axe-core");
        return await File.ReadAllTextAsync(Path.Combine(root, "axe.min.js"));
    });

    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            iframes: false
          });
          return result.violations.map(v => `${v.id} (${v.impact}): ${v.help}\n` +
            v.nodes.map(n => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n'));
        }
        """;

    /// <summary>The WCAG 2.1 A/AA violations in this frame's document (not in its own iframes: check those separately).</summary>
    public static async Task<string[]> ViolationsAsync(IFrame frame)
    {
        await frame.EvaluateAsync(await Source.Value);
        return await frame.EvaluateAsync<string[]>(Run);
    }

    public static async Task AssertNoViolationAsync(IFrame frame, string what)
    {
        var violations = await ViolationsAsync(frame);
        Assert.True(violations.Length == 0, $"axe-core found WCAG 2.1 A/AA violations on {what}:\n" + string.Join("\n", violations));
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ShopAdsBot.BrowserTests;

/// <summary>
/// The real host on Kestrel on a loopback port of its own (port 0: Kestrel binds it, the fixture reads it back), with its
/// conversation state in a temp file, and Debian's chromium driven by Playwright.
/// Every request the browser makes is recorded, to prove none leaves the machine.
/// </summary>
public abstract class BrowserFixture : IAsyncLifetime
{
    private readonly HostFactory _host;
    private IPlaywright? _playwright;

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("browser-state-");

    protected BrowserFixture(Action<IServiceCollection>? services, IDictionary<string, string?>? settings = null)
    {
        _host = new HostFactory(Path.Combine(_state.FullName, "conversation-state.db"), services, settings);
    }

    /// <summary>http://127.0.0.1:{the port Kestrel bound}, once started.</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running host's services (e.g. the Insights queue, to wait for its writer).</summary>
    public IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        _host.UseKestrel();
        _host.StartServer();
        BaseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _host.InsightsPath, _host.InsightsPath + "-wal", _host.InsightsPath + "-shm" })
        {
            File.Delete(file);
        }
        _state.Delete(recursive: true);
    }

    /// <summary>
    /// A fresh page (own context: no shared storage) that records every request URL of its context, popups included.
    /// A request to any other host than this machine is recorded, then aborted: nothing leaves the machine.
    /// </summary>
    public async Task<(IPage Page, List<string> Requests)> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 1100, Height = 900 } });
        var requests = new List<string>();
        context.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        await context.RouteAsync(url => !IsLocal(url), route => route.AbortAsync());
        // Each step waits for its condition; on a machine shared by many builds a page with the 5 MB Web Chat bundle
        // may take longer than Playwright's default 30 s to load.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        return (page, requests);
    }

    public static bool IsLocal(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme is "data" or "blob" || uri.Host is "127.0.0.1" or "localhost");

    /// <summary>Where screenshots go: tests/artifacts/ at the repository root (git-ignored).</summary>
    public static string ArtifactPath(string fileName)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopAdsBot.sln")))
        {
            dir = dir.Parent;
        }

        var artifacts = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "tests", "artifacts");
        Directory.CreateDirectory(artifacts);
        return Path.Combine(artifacts, fileName);
    }

    private sealed class HostFactory(string sqlitePath, Action<IServiceCollection>? services, IDictionary<string, string?>? settings) : WebApplicationFactory<Program>
    {
        /// <summary>Each host records Insights in a temporary file of its own, never in the repository.</summary>
        public string InsightsPath { get; } = Path.Combine(Path.GetTempPath(), $"shopadsbot-insights-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            // appsettings.json binds localhost:3978: port 0 lets the OS choose a free port at bind time, so tests never
            // clash with a running bot nor with each other (no port is picked first and released, for another to take).
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
                ["Storage:SqlitePath"] = sqlitePath,
                ["Insights:SqlitePath"] = InsightsPath,
            }.Concat(settings ?? new Dictionary<string, string?>())));
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}

/// <summary>The host with the real bot.</summary>
public sealed class RealBotFixture() : BrowserFixture(null);

/// <summary>The host with <see cref="EchoBot"/>, whose replies are known in advance.</summary>
public sealed class EchoBotFixture() : BrowserFixture(services => services.AddTransient<IBot, EchoBot>());

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Support;

/// <summary>
/// A stand-in for Bot Framework Emulator's channel service on a loopback port: it records what the bot POSTs
/// to {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}.
/// </summary>
public sealed class FakeEmulator : IAsyncDisposable
{
    private readonly WebApplication app;

    public record Received(string Path, JObject Activity);

    public BlockingCollection<Received> Activities { get; } = new();

    public string ServiceUrl { get; }

    private FakeEmulator(WebApplication app, string serviceUrl)
    {
        this.app = app;
        ServiceUrl = serviceUrl;
    }

    public static async Task<FakeEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeEmulator? emulator = null;
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            emulator!.Activities.Add(new Received(http.Request.Path, JObject.Parse(body)));
            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator = new FakeEmulator(app, address);
        return emulator;
    }

    public Received Next(TimeSpan timeout) =>
        Activities.TryTake(out var received, timeout) ? received : throw new TimeoutException("The bot posted nothing to the fake Emulator.");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

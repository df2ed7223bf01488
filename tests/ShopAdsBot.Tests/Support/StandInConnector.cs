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
/// A stand-in for the Bot Connector service (Teams, the Emulator's channel service) on a loopback port, given to the bot as the
/// activities' serviceUrl. It records every request the bot makes under /v3/conversations (replies: POST; card updates:
/// PUT …/activities/{id}), answers each with a new activity id, and can be told to answer some requests otherwise
/// (429, 503, 404 ActivityNotFound…), to see what the bot does then.
/// </summary>
public sealed class StandInConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<Request, IResult?>> scripted = new();
    private int nextId;

    /// <param name="ActivityId">The id in the path (an update's target, or the activity a reply answers).</param>
    /// <param name="AnsweredId">The id this connector gave the activity, when it accepted it.</param>
    public record Request(string Method, string Path, JObject? Body, string? ActivityId, string AnsweredId)
    {
        /// <summary>The Adaptive Card content of the activity, if it carries one.</summary>
        public JObject? Card => Body?["attachments"]?.FirstOrDefault()?["content"] as JObject;
    }

    /// <summary>Every request received, in order, the refused ones included.</summary>
    public BlockingCollection<Request> Received { get; } = new();

    public string ServiceUrl { get; }

    private StandInConnector(WebApplication app, string serviceUrl)
    {
        this.app = app;
        ServiceUrl = serviceUrl;
    }

    /// <summary>
    /// The next requests get these answers, one each, in order. An answer that gives null for a request leaves that
    /// request the usual answer and waits for the next one (e.g. <c>r => r.Method == "PUT" ? … : null</c>).
    /// </summary>
    public void Script(params Func<Request, IResult?>[] answers)
    {
        foreach (var answer in answers)
        {
            scripted.Enqueue(answer);
        }
    }

    public static IResult Status(int status, string? retryAfter = null) => new StatusResult(status, retryAfter);

    /// <summary>What Teams answers to an update of a message that was deleted.</summary>
    public static IResult ActivityNotFound() =>
        Results.Json(new { error = new { code = "ActivityNotFound", message = "Activity not found" } }, statusCode: 404);

    public static async Task<StandInConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        StandInConnector? connector = null;
        app.MapMethods("/v3/conversations/{conversationId}/activities/{activityId?}", ["POST", "PUT"], async (HttpContext http, string? activityId) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            var id = http.Request.Method == "PUT" ? activityId! : $"activity-{Interlocked.Increment(ref connector!.nextId)}";
            var request = new Request(http.Request.Method, http.Request.Path, body.Length > 0 ? JObject.Parse(body) : null, activityId, id);
            // A scripted answer waits for a request it applies to (one that it answers with a result).
            var result = connector!.scripted.TryPeek(out var answer) ? answer(request) : null;
            if (result is not null)
            {
                connector.scripted.TryDequeue(out _);
            }
            connector.Received.Add(result is null ? request : request with { AnsweredId = "" });
            return result ?? Results.Json(new { id });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector = new StandInConnector(app, address + "/");
        return connector;
    }

    /// <summary>The next request (a safety timeout only: the bot has sent it before the turn's HTTP answer).</summary>
    public Request Next() =>
        Received.TryTake(out var request, TimeSpan.FromSeconds(30)) ? request : throw new TimeoutException("The bot sent nothing to the stand-in connector.");

    /// <summary>Takes every request received so far.</summary>
    public List<Request> Drain()
    {
        var all = new List<Request>();
        while (Received.TryTake(out var request))
        {
            all.Add(request);
        }
        return all;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private sealed class StatusResult(int status, string? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfter != null)
            {
                httpContext.Response.Headers.RetryAfter = retryAfter;
            }
            return Task.CompletedTask;
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.WebChat;

/// <summary>The real host with Web Chat settings and, optionally, a stand-in bot or a fake Azure Direct Line service.</summary>
public sealed class WebChatHost : BotHost
{
    public WebChatHost(string environment = "Development", IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        HostEnvironment = environment;
        Settings = settings;
        TestServices = services;
    }

    /// <summary>A host whose bot is <see cref="EchoBot"/>, so replies are known in advance.</summary>
    public static WebChatHost WithEchoBot(IDictionary<string, string?>? settings = null, string environment = "Development") =>
        new(environment, settings, s => s.AddTransient<IBot, EchoBot>());

    public async Task<JObject> GetConnectionAsync()
    {
        var response = await CreateClient().PostAsync("/api/webchat/token", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JObject.Parse(body);
    }

    /// <summary>Gets a token and starts its conversation as directlinejs does (POST /conversations with the locale).</summary>
    public async Task<DirectLineSession> StartAsync(string locale = "fr-FR")
    {
        var connection = await GetConnectionAsync();
        var session = new DirectLineSession(CreateClient(), (string)connection["token"]!, (string)connection["conversationId"]!);
        var start = await session.SendAsync(HttpMethod.Post, "/v3/directline/conversations", new JObject { ["user"] = new JObject { ["id"] = "ignored" }, ["locale"] = locale }.ToString());
        Assert.Equal(System.Net.HttpStatusCode.Created, start.StatusCode);
        return session;
    }
}

/// <summary>One Direct Line client: a token and its conversation.</summary>
public sealed class DirectLineSession(HttpClient client, string token, string conversationId)
{
    public HttpClient Client { get; } = client;

    public string Token { get; set; } = token;

    public string ConversationId { get; } = conversationId;

    public string ActivitiesPath => $"/v3/directline/conversations/{Uri.EscapeDataString(ConversationId)}/activities";

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        var bearer = token ?? Token;
        if (bearer.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostMessageAsync(string text, string clientActivityId = "c1", string locale = "fr-FR") =>
        SendAsync(HttpMethod.Post, ActivitiesPath, new JObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = locale,
            ["from"] = new JObject { ["id"] = "someone-else", ["role"] = "bot" },
            ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId },
        }.ToString());

    /// <summary>GET activities after a watermark; returns the ActivitySet.</summary>
    public async Task<JObject> GetActivitiesAsync(string? watermark = null)
    {
        var response = await SendAsync(HttpMethod.Get, ActivitiesPath + "?watermark=" + watermark);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JObject.Parse(body);
    }
}

/// <summary>A stand-in bot: greets each joining user and echoes messages with the locale it was given.</summary>
public sealed class EchoBot : IBot
{
    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.ConversationUpdate)
        {
            foreach (var member in activity.MembersAdded ?? [])
            {
                if (member.Id != activity.Recipient.Id)
                {
                    await turnContext.SendActivityAsync($"welcome|{activity.Locale}|{activity.ChannelId}", cancellationToken: cancellationToken);
                }
            }
        }
        else if (activity.Type == ActivityTypes.Message)
        {
            if (activity.Text == "throw")
            {
                throw new InvalidOperationException("test failure");
            }

            await turnContext.SendActivityAsync($"echo:{activity.Text}|{activity.Locale}|{activity.From.Id}", cancellationToken: cancellationToken);
        }
    }
}

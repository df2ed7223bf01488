using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using ShopAdsBot.Middleware;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Teams;

/// <summary>
/// The adapter middleware, each in front of a small bot that behaves in a known way, on TestAdapter. Time is a
/// FakeTimeProvider that the bot advances itself; where the bot must know that the typing went out, the adapter tells it.
/// </summary>
public class MiddlewareTests
{
    private static readonly TimeSpan TypingDelay = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task ASlowTurnShowsTypingOnceBeforeTheReply()
    {
        var adapter = new TypingAdapter(new TeamsConversation(TeamsScope.Personal).Reference);
        adapter.Use(new TypingIndicatorMiddleware(TypingDelay, time));

        var replies = await RunAsync(adapter, async (context, ct) =>
        {
            time.Advance(TypingDelay * 3);
            await adapter.TypingSent.WaitAsync(TimeSpan.FromSeconds(30), ct); // handshake: the middleware has sent its typing
            await context.SendActivityAsync("réponse", cancellationToken: ct);
        });

        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], replies.Select(r => r.Type));
        Assert.Equal(TeamsConversation.BotId, replies[0].From.Id);
        Assert.Equal(replies[1].Conversation.Id, replies[0].Conversation.Id);
    }

    [Fact]
    public async Task AFastTurnShowsNoTyping()
    {
        var adapter = new TypingAdapter(new TeamsConversation(TeamsScope.Personal).Reference);
        adapter.Use(new TypingIndicatorMiddleware(TypingDelay, time));

        var replies = await RunAsync(adapter, (context, ct) =>
        {
            time.Advance(TypingDelay - TimeSpan.FromMilliseconds(1));
            return context.SendActivityAsync("réponse", cancellationToken: ct);
        });
        time.Advance(TypingDelay * 10); // a typing still pending after the turn would go out now

        Assert.Equal([ActivityTypes.Message], replies.Concat(Drain(adapter)).Select(r => r.Type));
    }

    [Fact]
    public async Task NoTypingAfterTheBotHasRepliedEvenIfTheTurnGoesOn()
    {
        var adapter = new TypingAdapter(new TeamsConversation(TeamsScope.Personal).Reference);
        adapter.Use(new TypingIndicatorMiddleware(TypingDelay, time));

        var replies = await RunAsync(adapter, async (context, ct) =>
        {
            await context.SendActivityAsync("réponse", cancellationToken: ct);
            time.Advance(TypingDelay * 4); // e.g. saving state slowly: the typing's timer fires now, after the reply
        });

        Assert.Equal([ActivityTypes.Message], replies.Select(r => r.Type));
    }

    [Fact]
    public async Task UnderExpectRepliesNoTypingIsAddedToTheReplies()
    {
        var adapter = new TypingAdapter(new TeamsConversation(TeamsScope.Personal).Reference);
        adapter.Use(new TypingIndicatorMiddleware(TypingDelay, time));

        var replies = await RunAsync(adapter, async (context, ct) =>
        {
            time.Advance(TypingDelay * 4);
            await context.SendActivityAsync("réponse", cancellationToken: ct);
        }, DeliveryModes.ExpectReplies);

        Assert.DoesNotContain(replies, r => r.Type == ActivityTypes.Typing);
        Assert.False(adapter.TypingSent.IsCompleted);
    }

    [Fact]
    public async Task ATypingIndicatorThatCannotBeSentNeverFailsTheTurn()
    {
        var adapter = new TypingAdapter(new TeamsConversation(TeamsScope.Personal).Reference, typingFails: true);
        adapter.Use(new TypingIndicatorMiddleware(TypingDelay, time));

        var replies = await RunAsync(adapter, async (context, ct) =>
        {
            time.Advance(TypingDelay * 4);
            await adapter.TypingSent.WaitAsync(TimeSpan.FromSeconds(30), ct); // handshake: the channel has refused the typing
            await context.SendActivityAsync("réponse", cancellationToken: ct);
        });

        Assert.Equal([ActivityTypes.Message], replies.Select(r => r.Type));
    }

    [Fact]
    public async Task TheErrorHandlersApologyAfterAFailedTurnStillGoesOut()
    {
        // The adapter's error handler runs after the middleware has returned; its reply still passes the typing gate.
        var adapter = new TypingAdapter(new TeamsConversation(TeamsScope.Personal).Reference);
        adapter.OnTurnError = (context, exception) => context.SendActivityAsync("Oups, un problème est survenu de mon côté.");
        adapter.Use(new TypingIndicatorMiddleware(TypingDelay, time));

        var replies = await RunAsync(adapter, (context, ct) => throw new InvalidOperationException("the bot failed"));

        Assert.Equal(["Oups, un problème est survenu de mon côté."], replies.Select(r => r.Text));
    }

    [Theory]
    [InlineData(TeamsScope.Channel, false)]
    [InlineData(TeamsScope.GroupChat, false)]
    [InlineData(TeamsScope.Personal, true)]
    public async Task SuggestedActionsAreSentOnlyInAPersonalChat(TeamsScope scope, bool kept)
    {
        var adapter = new TestAdapter(new TeamsConversation(scope).Reference).Use(new TeamsSuggestedActionsMiddleware());

        var replies = await RunAsync(adapter, (context, ct) =>
            context.SendActivityAsync(MessageFactory.SuggestedActions(new List<string> { "Oui", "Non" }, "Cela a-t-il résolu votre problème ?", null, null), ct));

        var reply = Assert.Single(replies);
        Assert.Equal("Cela a-t-il résolu votre problème ?", reply.Text);
        Assert.Equal(kept, reply.SuggestedActions != null);
    }

    [Fact]
    public async Task InAPersonalChatOnlyTheFirstThreeSuggestedActionsGoOutAndOtherChannelsKeepThemAll()
    {
        var five = new List<string> { "Un", "Deux", "Trois", "Quatre", "Cinq" };
        Task Bot(ITurnContext context, CancellationToken ct) =>
            context.SendActivityAsync(MessageFactory.SuggestedActions(five, "Choisissez :", null, null), ct);
        var teams = new TestAdapter(new TeamsConversation(TeamsScope.Personal).Reference).Use(new TeamsSuggestedActionsMiddleware());
        var webChat = new TestAdapter(Microsoft.Bot.Connector.Channels.Webchat).Use(new TeamsSuggestedActionsMiddleware());

        var inTeams = Assert.Single(await RunAsync(teams, Bot));
        var elsewhere = Assert.Single(await RunAsync(webChat, Bot));

        Assert.Equal(["Un", "Deux", "Trois"], inTeams.SuggestedActions.Actions.Select(a => a.Title));
        Assert.Equal("Choisissez :", inTeams.Text);
        Assert.Equal(five, elsewhere.SuggestedActions.Actions.Select(a => a.Title));
    }

    private static async Task<List<Activity>> RunAsync(TestAdapter adapter, Func<ITurnContext, CancellationToken, Task> bot, string? deliveryMode = null)
    {
        var activity = adapter.MakeActivity("bonjour");
        activity.DeliveryMode = deliveryMode;
        await adapter.ProcessActivityAsync(activity, (context, ct) => bot(context, ct), CancellationToken.None);
        return Drain(adapter);
    }

    private static List<Activity> Drain(TestAdapter adapter)
    {
        var replies = new List<Activity>();
        while (adapter.GetNextReply() is Activity reply)
        {
            replies.Add(reply);
        }
        return replies;
    }

    /// <summary>
    /// TestAdapter that completes <see cref="TypingSent"/> when a typing activity reaches the channel; with
    /// <c>typingFails</c> the channel refuses it (as a real one may, e.g. throttled) while replies still go through.
    /// </summary>
    private sealed class TypingAdapter(ConversationReference conversation, bool typingFails = false) : TestAdapter(conversation)
    {
        private readonly TaskCompletionSource typingSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TypingSent => typingSent.Task;

        public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            var typing = activities.Any(a => a.Type == ActivityTypes.Typing);
            try
            {
                if (typing && typingFails)
                {
                    throw new HttpRequestException("429 Too Many Requests");
                }
                return await base.SendActivitiesAsync(turnContext, activities, cancellationToken);
            }
            finally
            {
                if (typing)
                {
                    typingSent.TrySetResult();
                }
            }
        }
    }
}

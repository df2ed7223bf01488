using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ShopAdsBot.Middleware;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Teams;

/// <summary>The adapter middleware, each in front of a small bot that behaves in a known way, on TestAdapter.</summary>
public class MiddlewareTests
{
    private static readonly TimeSpan TypingDelay = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task ASlowTurnShowsTypingOnceBeforeTheReply()
    {
        var adapter = new TestAdapter(new TeamsConversation(TeamsScope.Personal).Reference).Use(new TypingIndicatorMiddleware(TypingDelay));

        var replies = await RunAsync(adapter, async (context, ct) =>
        {
            await Task.Delay(TypingDelay * 6, ct);
            await context.SendActivityAsync("réponse", cancellationToken: ct);
        });

        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], replies.Select(r => r.Type));
        Assert.Equal(TeamsConversation.BotId, replies[0].From.Id);
        Assert.Equal(replies[1].Conversation.Id, replies[0].Conversation.Id);
    }

    [Fact]
    public async Task AFastTurnShowsNoTyping()
    {
        var adapter = new TestAdapter(new TeamsConversation(TeamsScope.Personal).Reference).Use(new TypingIndicatorMiddleware(TypingDelay));

        var replies = await RunAsync(adapter, (context, ct) => context.SendActivityAsync("réponse", cancellationToken: ct));
        await Task.Delay(TypingDelay * 3); // a late typing would show up now

        Assert.Equal([ActivityTypes.Message], replies.Concat(Drain(adapter)).Select(r => r.Type));
    }

    [Fact]
    public async Task NoTypingAfterTheBotHasRepliedEvenIfTheTurnGoesOn()
    {
        var adapter = new TestAdapter(new TeamsConversation(TeamsScope.Personal).Reference).Use(new TypingIndicatorMiddleware(TypingDelay));

        var replies = await RunAsync(adapter, async (context, ct) =>
        {
            await context.SendActivityAsync("réponse", cancellationToken: ct);
            await Task.Delay(TypingDelay * 4, ct); // e.g. saving state slowly
        });

        Assert.Equal([ActivityTypes.Message], replies.Select(r => r.Type));
    }

    [Fact]
    public async Task UnderExpectRepliesNoTypingIsAddedToTheReplies()
    {
        var adapter = new TestAdapter(new TeamsConversation(TeamsScope.Personal).Reference).Use(new TypingIndicatorMiddleware(TypingDelay));

        var replies = await RunAsync(adapter, async (context, ct) =>
        {
            await Task.Delay(TypingDelay * 4, ct);
            await context.SendActivityAsync("réponse", cancellationToken: ct);
        }, DeliveryModes.ExpectReplies);

        Assert.DoesNotContain(replies, r => r.Type == ActivityTypes.Typing);
    }

    [Fact]
    public async Task ATypingIndicatorThatCannotBeSentNeverFailsTheTurn()
    {
        var adapter = new TypingFailsAdapter(new TeamsConversation(TeamsScope.Personal).Reference);
        adapter.Use(new TypingIndicatorMiddleware(TypingDelay));

        var replies = await RunAsync(adapter, async (context, ct) =>
        {
            await Task.Delay(TypingDelay * 4, ct);
            await context.SendActivityAsync("réponse", cancellationToken: ct);
        });

        Assert.True(adapter.TypingAttempted);
        Assert.Equal([ActivityTypes.Message], replies.Select(r => r.Type));
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

    private static async Task<List<Activity>> RunAsync(TestAdapter adapter, Func<ITurnContext, CancellationToken, Task> bot, string? deliveryMode = null)
    {
        var activity = adapter.MakeActivity("bonjour");
        activity.DeliveryMode = deliveryMode;
        var stopwatch = Stopwatch.StartNew();
        await adapter.ProcessActivityAsync(activity, (context, ct) => bot(context, ct), CancellationToken.None);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), "the middleware must not hold the turn");
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

    /// <summary>A channel that refuses typing activities (as a real one may, e.g. throttled): replies still go through.</summary>
    private sealed class TypingFailsAdapter(ConversationReference conversation) : TestAdapter(conversation)
    {
        public bool TypingAttempted { get; private set; }

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            if (activities.Any(a => a.Type == ActivityTypes.Typing))
            {
                TypingAttempted = true;
                throw new HttpRequestException("429 Too Many Requests");
            }
            return base.SendActivitiesAsync(turnContext, activities, cancellationToken);
        }
    }
}

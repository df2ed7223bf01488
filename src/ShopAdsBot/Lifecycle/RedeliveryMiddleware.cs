using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using ShopAdsBot.Middleware;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's

namespace ShopAdsBot.Lifecycle;

/// <summary>
/// Runs each message (and conversationUpdate) once. When a turn is slow, Teams and Direct Line deliver the same activity
/// again; running it twice would answer twice or move the flow two steps. An activity whose id was already handled in
/// this conversation within <see cref="ConversationOptions.RedeliveryWindow"/> is acknowledged without running it: under
/// expectReplies it gets the same replies again (<see cref="ReplyCopies"/>), otherwise none (the first delivery's
/// replies went out already). The record lives in the conversation's state, saved with it at the end of the turn
/// (before any reply goes out), so it holds across instances; copies arriving at the same time at one instance wait
/// for the first one to finish.
/// </summary>
public sealed class RedeliveryMiddleware(ConversationState conversationState, ReplyCopies copies, IOptions<ConversationOptions> options, TimeProvider clock, ILogger<RedeliveryMiddleware> logger) : IMiddleware
{
    private readonly IStatePropertyAccessor<HandledActivities> handled = conversationState.CreateProperty<HandledActivities>(nameof(HandledActivities));
    private readonly ConcurrentDictionary<string, Task> inFlight = new();

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.ConversationUpdate) || string.IsNullOrEmpty(activity.Id) || activity.Conversation?.Id is null)
        {
            await next(cancellationToken);
            return;
        }

        var key = $"{activity.ChannelId}/{activity.Conversation.Id}/{activity.Id}";
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        while (!inFlight.TryAdd(key, done.Task))
        {
            // The same activity is being run right now: wait for it (its state saved), then look at the record.
            if (inFlight.TryGetValue(key, out var running))
            {
                await running.WaitAsync(cancellationToken);
            }
        }

        try
        {
            await RunOnceAsync(turnContext, next, cancellationToken);
        }
        finally
        {
            inFlight.TryRemove(key, out _);
            done.SetResult();
        }
    }

    private async Task RunOnceAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        var record = await handled.GetAsync(turnContext, () => new HandledActivities(), cancellationToken);
        var now = clock.GetUtcNow();

        if (record.Find(activity.Id) is { } earlier && now - earlier.At < options.Value.RedeliveryWindow)
        {
            logger.LogInformation("Activity {ActivityId} of conversation {ConversationId} was delivered again: not run twice", activity.Id, activity.Conversation.Id);
            StateFirstMiddleware.NothingToSave(turnContext);
            if (expectReplies && earlier.Slot is int slot && turnContext is TurnContext { BufferedReplyActivities: var answer })
            {
                // Straight into the HTTP answer: these replies were sent (and logged) once already.
                answer.AddRange(await copies.ReadAsync(turnContext, slot, cancellationToken));
            }
            return;
        }

        var entry = record.Add(activity.Id, now, options.Value.RedeliveryWindow);
        await handled.SetAsync(turnContext, record, cancellationToken);
        await next(cancellationToken);
        if (expectReplies && StateFirstMiddleware.HeldReplies(turnContext) is { Count: > 0 } replies
            && ReferenceEquals(await handled.GetAsync(turnContext, null, cancellationToken), record)) // not when the turn erased the conversation's data
        {
            // Kept before the turn's state is saved (StateFirstMiddleware saves once the turn has run): the entry is the
            // object cached in that state, so its slot is saved with the rest of the turn.
            await copies.SaveAsync(turnContext, record.TakeSlot(entry, ReplyCopies.Slots), replies, cancellationToken);
        }
    }
}

using System.Globalization;
using Microsoft.Bot.Builder;
using ShopAdsBot.Localization;
using ShopAdsBot.Recognition;
using static ShopAdsBot.Insights.InsightsProperties;

namespace ShopAdsBot.Insights;

/// <summary>
/// What the dialogs tell Insights, in the words of docs/insights.md. It is the one service they call; every event goes
/// through the bot's IBotTelemetryClient, like the SDK's own, and never waits for a sink.
/// </summary>
public sealed class InsightsRecorder(IBotTelemetryClient telemetry, ConversationState conversationState)
{
    /// <summary>TurnState key: the branches suggested on the previous turn.</summary>
    private const string SuggestedLastTurn = "ShopAdsBot.Insights.SuggestedLastTurn";

    private readonly IStatePropertyAccessor<InsightsMemo> memo = conversationState.CreateProperty<InsightsMemo>("Insights");

    /// <summary>
    /// At the start of each message turn (<see cref="ConversationInsightsMiddleware"/>): the first message of a
    /// conversation records ConversationStarted; the suggestions of the previous turn are taken out of the state.
    /// </summary>
    public async Task BeginTurnAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var state = await memo.GetAsync(context, () => new InsightsMemo(), cancellationToken);
        if (!state.Started)
        {
            state.Started = true;
            Track(context, InsightsEvents.ConversationStarted);
        }
        if (state.Suggested is { } suggested)
        {
            context.TurnState[SuggestedLastTurn] = suggested;
            state.Suggested = null;
        }
    }

    /// <summary>
    /// A branch begins. A menu-stamped click on one of the branches suggested on the turn before is a suggestion taken
    /// (suggestion cards use the menu's buttons), so callers only say "menu", "text" (with the score) or "resume".
    /// </summary>
    public void BranchStarted(ITurnContext context, string branch, string via, double? score = null)
    {
        if (via == BranchVia.Menu && context.TurnState.Get<string[]>(SuggestedLastTurn)?.Contains(branch) == true)
        {
            via = BranchVia.Suggestion;
        }
        Track(context, InsightsEvents.BranchStarted, (Branch, branch), (Via, via), (Score, Format(score)));
    }

    public void AnswerRated(ITurnContext context, string branch, string node, bool resolved) =>
        Track(context, InsightsEvents.AnswerRated, (Branch, branch), (Node, node), (Rating, resolved ? "yes" : "no"));

    /// <summary>The seller said no to the last remedy of <paramref name="branch"/> and is sent to support.</summary>
    public void Escalated(ITurnContext context, string branch, string node) =>
        Track(context, InsightsEvents.Escalated, (Branch, branch), (Node, node));

    /// <summary>
    /// Typed text the recognizer could not route with confidence: its guess and score. The text goes as typed (the
    /// telemetry client keeps it only if allowed, masked): the recognizer's own copy has lost the "@" of e-mail addresses.
    /// </summary>
    public void NotUnderstood(ITurnContext context, string text, RouteResult route) =>
        Track(context, InsightsEvents.NotUnderstood, (Guess, route.TopIntent), (Score, Format(route.Score)), (Text, text));

    /// <summary>« Vouliez-vous dire… ? » with these branches; remembered for one turn to recognise a suggestion taken.</summary>
    public async Task SuggestionOfferedAsync(ITurnContext context, IReadOnlyList<string> branches, CancellationToken cancellationToken)
    {
        var state = await memo.GetAsync(context, () => new InsightsMemo(), cancellationToken);
        state.Suggested = [.. branches];
        Track(context, InsightsEvents.SuggestionOffered, (Branches, string.Join(",", branches)));
    }

    private void Track(ITurnContext context, string name, params (string Name, string? Value)[] values)
    {
        var activity = context.Activity;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [TelemetryConstants.ConversationIdProperty] = activity.Conversation?.Id ?? "",
            [Channel] = activity.ChannelId ?? "unknown",
            [Language] = BotLanguage.Of(context),
        };
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                properties[key] = value;
            }
        }
        telemetry.TrackEvent(name, properties);
    }

    private static string? Format(double? score) => score?.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>What Insights keeps in ConversationState: whether ConversationStarted was recorded, the last suggestions.</summary>
public sealed class InsightsMemo
{
    [Newtonsoft.Json.JsonProperty("started")]
    public bool Started { get; set; }

    [Newtonsoft.Json.JsonProperty("suggested")]
    public string[]? Suggested { get; set; }
}

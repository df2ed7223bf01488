using Microsoft.Bot.Builder;

namespace BotDialogs.Tests.Support;

/// <summary>Small step builders so the tests read as conversations.</summary>
internal static class Steps
{
    public static WaterfallStep Say(string text) => async (step, ct) =>
    {
        await step.Context.SendActivityAsync(MessageFactory.Text(text), ct);
        return await step.NextAsync(step.Result, ct);
    };

    public static WaterfallStep AskText(string promptId, string question) => (step, ct) =>
        step.PromptAsync(promptId, new PromptOptions { Prompt = MessageFactory.Text(question) }, ct);

    public static WaterfallStep EchoResult(string prefix) => async (step, ct) =>
    {
        await step.Context.SendActivityAsync(MessageFactory.Text($"{prefix}{step.Result}"), ct);
        return await step.EndDialogAsync(step.Result, ct);
    };
}

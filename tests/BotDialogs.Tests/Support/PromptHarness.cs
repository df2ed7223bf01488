using BotDialogs.Choices;
using Microsoft.Bot.Builder;

namespace BotDialogs.Tests.Support;

/// <summary>A root with one waterfall: ask with the given prompt, then report what the prompt ended with.</summary>
internal static class PromptHarness
{
    public const string Question = "Votre choix ?";

    public static Dialog Choice(IList<Choice> choices, Action<ChoicePrompt>? configure = null, Action<PromptOptions>? options = null, PromptValidator<FoundChoice>? validator = null)
    {
        var prompt = new ChoicePrompt("prompt", validator) { Style = ListStyle.None };
        configure?.Invoke(prompt);
        return Root(prompt, choices, options);
    }

    public static Dialog Confirm(Action<ConfirmPrompt>? configure = null, Action<PromptOptions>? options = null)
    {
        var prompt = new ConfirmPrompt("prompt") { Style = ListStyle.None };
        configure?.Invoke(prompt);
        return Root(prompt, null, options);
    }

    /// <summary>The report line: "found:value#index", "confirm:True" or "text:...".</summary>
    public static string Describe(object? result) => result switch
    {
        FoundChoice f => $"found:{f.Value}#{f.Index}",
        bool b => $"confirm:{b}",
        string s => $"text:{s}",
        _ => $"other:{result}",
    };

    private static Dialog Root(Dialog prompt, IList<Choice>? choices, Action<PromptOptions>? configure)
        => new TestComponent("root",
            new WaterfallDialog("ask", [
                (step, ct) =>
                {
                    var options = new PromptOptions { Prompt = MessageFactory.Text(Question), Choices = choices };
                    configure?.Invoke(options);
                    return step.PromptAsync("prompt", options, ct);
                },
                async (step, ct) =>
                {
                    await step.Context.SendActivityAsync(Describe(step.Result), cancellationToken: ct);
                    return await step.EndDialogAsync(step.Result, ct);
                },
            ]),
            prompt);
}

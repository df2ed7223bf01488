namespace BotDialogs.Tests.Support;

/// <summary>A ComponentDialog built from a list of dialogs, with an optional interruption hook.</summary>
internal sealed class TestComponent : ComponentDialog
{
    public TestComponent(string id, params Dialog[] dialogs)
        : base(id)
    {
        foreach (var dialog in dialogs)
        {
            AddDialog(dialog);
        }
    }

    /// <summary>Runs before the inner stack on every continued turn; returns a result to stop there, null to go on.</summary>
    public Func<DialogContext, CancellationToken, Task<DialogTurnResult?>>? Interrupt { get; init; }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default)
        => Interrupt is not null && await Interrupt(innerDc, cancellationToken) is { } handled
            ? handled
            : await base.OnContinueDialogAsync(innerDc, cancellationToken);
}

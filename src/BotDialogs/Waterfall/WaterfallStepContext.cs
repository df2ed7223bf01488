namespace BotDialogs;

/// <summary>The context given to a waterfall step: the same stack as the waterfall, plus the step's data.</summary>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parentWaterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parentWaterfall, DialogContext dc, object? options, IDictionary<string, object> values, int index, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, new DialogState(dc.Stack))
    {
        _parentWaterfall = parentWaterfall;
        Parent = dc.Parent;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The options the waterfall was begun with, as given (the same type on every turn).</summary>
    public object? Options { get; }

    /// <summary>Values kept across the steps of this waterfall; persisted, so keep them plain.</summary>
    public IDictionary<string, object> Values { get; }

    public int Index { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's outcome: a prompt's recognised value, a child dialog's result, or NextAsync's argument.</summary>
    public object? Result { get; }

    /// <summary>Skips to the next step now, with <paramref name="result"/> as its <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called for step {Index} of '{_parentWaterfall.Id}'.");
        }

        _nextCalled = true;
        return _parentWaterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}

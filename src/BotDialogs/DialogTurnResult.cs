namespace BotDialogs;

/// <summary>The outcome of one call into the stack: a status and, when a dialog ended, its result.</summary>
public class DialogTurnResult
{
    public DialogTurnResult(DialogTurnStatus status, object? result = null)
    {
        Status = status;
        Result = result;
    }

    public DialogTurnStatus Status { get; set; }

    public object? Result { get; set; }

    /// <summary>True when the dialog that ended was the last of its (inner) stack.</summary>
    public bool ParentEnded { get; set; }
}

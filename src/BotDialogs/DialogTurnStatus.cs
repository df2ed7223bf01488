namespace BotDialogs;

/// <summary>What a turn did to the stack.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack was empty: nothing ran.</summary>
    Empty,

    /// <summary>A dialog waits for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; its result is in <see cref="DialogTurnResult.Result"/>.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,

    /// <summary>The dialog completed and waits for the next message before the parent goes on (as in the real enum; nothing in this subset returns it).</summary>
    CompleteAndWait,
}

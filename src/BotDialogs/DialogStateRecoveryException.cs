namespace BotDialogs;

/// <summary>
/// The stored dialog stack cannot be resumed by this code: it names a dialog that no longer exists (content changed
/// between deployments) or holds state that does not fit. <see cref="DialogExtensions.RunAsync"/> catches it, clears the
/// stack and calls <see cref="Dialog.OnDialogStateRecoveryAsync"/>, so no exception reaches the user.
/// </summary>
public class DialogStateRecoveryException : Exception
{
    public DialogStateRecoveryException(string message, string? dialogId = null, Exception? innerException = null)
        : base(message, innerException) => DialogId = dialogId;

    /// <summary>The stored dialog id that could not be found, when that was the cause.</summary>
    public string? DialogId { get; }
}

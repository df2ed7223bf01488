namespace BotDialogs;

/// <summary>The persisted dialog stack (top first), read and written through an IStatePropertyAccessor on ConversationState.</summary>
public class DialogState
{
    public DialogState()
        : this(null)
    {
    }

    public DialogState(List<DialogInstance>? stack) => DialogStack = stack ?? [];

    public List<DialogInstance> DialogStack { get; set; }
}

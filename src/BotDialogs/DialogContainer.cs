namespace BotDialogs;

/// <summary>A dialog that runs its own inner stack of dialogs (see <see cref="ComponentDialog"/>).</summary>
public abstract class DialogContainer : Dialog
{
    protected DialogContainer(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialogs of the inner stack.</summary>
    public DialogSet Dialogs { get; protected set; } = new();

    /// <summary>The context of the inner stack of <paramref name="dc"/>'s active dialog (this container).</summary>
    public abstract DialogContext CreateChildContext(DialogContext dc);

    public virtual Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId);
}

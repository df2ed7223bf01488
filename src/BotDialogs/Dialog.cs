namespace BotDialogs;

/// <summary>Base class of every dialog (placeholder until the engine lands).</summary>
public abstract class Dialog
{
    protected Dialog(string dialogId) => Id = dialogId;

    public string Id { get; }
}

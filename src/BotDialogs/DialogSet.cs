using Microsoft.Bot.Builder;

namespace BotDialogs;

/// <summary>The dialogs a stack may contain, by id, and (at the root) the accessor of the persisted stack.</summary>
public class DialogSet
{
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState)
        => _dialogState = dialogState ?? throw new ArgumentNullException(nameof(dialogState));

    /// <summary>A set without accessor, as held by a <see cref="ComponentDialog"/>.</summary>
    public DialogSet()
    {
    }

    /// <summary>Adds a dialog; its id must be unique in the set.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    /// <summary>Reads the stored stack (or starts an empty one) and returns the context of this turn.</summary>
    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This DialogSet was created without a state property accessor.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        state.DialogStack ??= [];
        return new DialogContext(this, turnContext, state);
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;
}

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

    /// <summary>
    /// Adds a dialog. Adding the same instance twice does nothing; another dialog with an id already in the set is renamed
    /// with a numeric suffix ("ask" becomes "ask2"), as in Microsoft.Bot.Builder.Dialogs.
    /// </summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (ReferenceEquals(existing, dialog))
            {
                return this;
            }

            var suffix = 2;
            while (_dialogs.ContainsKey(dialog.Id + suffix))
            {
                suffix++;
            }

            dialog.Id += suffix;
        }

        _dialogs[dialog.Id] = dialog;
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

        // After a storage round trip the accessor may hand back a converted copy: pin this instance so changes are saved.
        await _dialogState.SetAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    public IEnumerable<Dialog> GetDialogs() => _dialogs.Values;
}

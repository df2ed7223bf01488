using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BotDialogs.Tests.Support;

/// <summary>
/// Runs a dialog turn by turn as production does: each turn builds a new dialog (and so a new DialogSet) and a new
/// ConversationState over the same MemoryStorage, so everything a later turn knows went through the stored JSON.
/// Like Microsoft.Bot.Builder.Testing's DialogTestClient, which is not available here.
/// </summary>
public sealed class DialogTestClient
{
    public DialogTestClient(Func<Dialog> dialogFactory, string locale = "fr-FR", Dictionary<string, JObject>? memory = null)
    {
        DialogFactory = dialogFactory;
        Memory = memory ?? [];
        Storage = new MemoryStorage(Memory);
        Adapter = new TestAdapter(TestAdapter.CreateConversation("dialog-tests")) { Locale = locale };
    }

    /// <summary>The raw JSON the storage holds, by key.</summary>
    public Dictionary<string, JObject> Memory { get; }

    /// <summary>Builds the root dialog of each turn; replace it to simulate a new deployment.</summary>
    public Func<Dialog> DialogFactory { get; set; }

    public MemoryStorage Storage { get; }

    public TestAdapter Adapter { get; }

    /// <summary>What the root's stack did on the last turn.</summary>
    public DialogTurnResult? LastResult { get; private set; }

    /// <summary>The stored ConversationState document (the dialog stack lives under "DialogState").</summary>
    public JObject StoredConversation => Memory.Single(kv => kv.Key.Contains("/conversations/", StringComparison.Ordinal)).Value;

    /// <summary>The bot logic of one turn, for TestFlow.</summary>
    public async Task TurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationState = new ConversationState(Storage);
        var accessor = conversationState.CreateProperty<DialogState>("DialogState");
        // What DialogExtensions.RunAsync does, keeping the turn's result for the assertions.
        var dialog = DialogFactory();
        var dc = await new DialogSet(accessor).Add(dialog).CreateContextAsync(turnContext, cancellationToken);
        LastResult = await dc.ContinueDialogAsync(cancellationToken);
        if (LastResult.Status == DialogTurnStatus.Empty)
        {
            LastResult = await dc.BeginDialogAsync(dialog.Id, null, cancellationToken);
        }

        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    public TestFlow Flow() => new(Adapter, TurnAsync);

    public Task<IReadOnlyList<IMessageActivity>> SendAsync(string text) => SendAsync(MakeMessage(text, null));

    /// <summary>An Adaptive Card Action.Submit: a value and no text, as Web Chat and Teams send it.</summary>
    public Task<IReadOnlyList<IMessageActivity>> SubmitAsync(object value, string? text = null) => SendAsync(MakeMessage(text, value));

    public async Task<IReadOnlyList<IMessageActivity>> SendAsync(Activity activity)
    {
        await Adapter.ProcessActivityAsync(activity, TurnAsync, CancellationToken.None);
        var replies = new List<IMessageActivity>();
        while (Adapter.GetNextReply() is { } reply)
        {
            if (reply.AsMessageActivity() is { } message)
            {
                replies.Add(message);
            }
        }

        return replies;
    }

    /// <summary>Texts of the replies of one turn.</summary>
    public async Task<string[]> TextsAsync(string text) => (await SendAsync(text)).Select(r => r.Text).ToArray();

    private Activity MakeMessage(string? text, object? value)
    {
        var activity = Adapter.MakeActivity(text);
        activity.Value = value;
        activity.Locale = Adapter.Locale;
        return activity;
    }
}

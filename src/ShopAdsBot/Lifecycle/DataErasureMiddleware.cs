using BotDialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using ShopAdsBot.Localization;
using ShopAdsBot.Dialogs;
using ShopAdsBot.Dialogs.Input;
using ShopAdsBot.Recognition;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's

namespace ShopAdsBot.Lifecycle;

/// <summary>
/// « Effacer mes données » / "delete my data", from anywhere in the conversation: the bot asks for a confirmation
/// (two buttons, or a typed oui / non), then every <see cref="IConversationDataEraser"/> erases what it keeps about this
/// conversation, and the bot confirms in one sentence. Any other answer to the confirmation leaves the data alone and is
/// handled as usual. A middleware, so the dialogs never see these turns.
/// </summary>
public sealed class DataErasureMiddleware(ConversationState conversationState, IEnumerable<IConversationDataEraser> erasers, BotReplies replies, ILogger<DataErasureMiddleware> logger) : IMiddleware
{
    public const string EraseCommand = "erase-my-data";
    public const string KeepCommand = "keep-my-data";

    private static readonly HashSet<string> Phrases =
    [
        "effacer mes donnees", "supprimer mes donnees", "effacez mes donnees", "supprimez mes donnees",
        "delete my data", "erase my data",
    ];

    private readonly IStatePropertyAccessor<ErasureAsked> asked = conversationState.CreateProperty<ErasureAsked>(nameof(ErasureAsked));

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            await next(cancellationToken);
            return;
        }

        // In a Teams team or group chat the text starts with the bot's @mention.
        turnContext.Activity.RemoveRecipientMention();
        var input = DialogInput.FromActivity(turnContext.Activity);
        var language = BotLanguage.Of(turnContext);
        var command = input.Value?.Value<string>("command");
        var wasAsked = (await asked.GetAsync(turnContext, () => new ErasureAsked(), cancellationToken)).Asked;
        // A short typed oui / non answers the confirmation; a longer message is something else (a new problem).
        var confirmed = wasAsked && input.Text is { } answer && TextNormalizer.Normalize(answer).Split(' ').Length <= 3
            ? ConfirmRecognizer.Recognize(answer)
            : null;

        if (command == EraseCommand || confirmed == true)
        {
            await EraseAsync(turnContext, language, cancellationToken);
            return;
        }

        if (wasAsked)
        {
            await asked.DeleteAsync(turnContext, cancellationToken);
        }
        if (command == KeepCommand || confirmed == false)
        {
            await turnContext.SendActivityAsync(replies.Text("eraseKept", language), cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
            return;
        }
        if (!input.IsSubmit && input.Text is { } text && Phrases.Contains(TextNormalizer.Normalize(text)))
        {
            await asked.SetAsync(turnContext, new ErasureAsked { Asked = true }, cancellationToken);
            await turnContext.SendActivityAsync(replies.EraseQuestion(language), cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
            return;
        }
        await next(cancellationToken);
    }

    private async Task EraseAsync(ITurnContext turnContext, string language, CancellationToken cancellationToken)
    {
        foreach (var eraser in erasers)
        {
            await eraser.EraseAsync(turnContext, cancellationToken);
        }
        logger.LogInformation("Erased the data of conversation {ConversationId} at the user's request", turnContext.Activity.Conversation?.Id);
        await turnContext.SendActivityAsync(replies.Text("erased", language), cancellationToken);
    }

    /// <summary>The confirmation was asked: the next message may be a typed oui / non.</summary>
    public sealed class ErasureAsked
    {
        [JsonProperty("asked")]
        public bool Asked { get; set; }
    }
}

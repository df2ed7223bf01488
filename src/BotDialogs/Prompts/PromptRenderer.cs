using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BotDialogs;

/// <summary>
/// Builds the activity a prompt sends, from the persisted options (<see cref="PromptOptions.Reference"/>) when the
/// rendered activities are gone (any later turn). Return null to fall back to the prompt's own behaviour.
/// </summary>
public delegate Task<IMessageActivity?> PromptRenderer(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

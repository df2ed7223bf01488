namespace BotDialogs;

/// <summary>Decides whether a recognised answer is acceptable (true ends the prompt with it).</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

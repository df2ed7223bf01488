namespace BotDialogs;

/// <summary>What a prompt understood from the answer.</summary>
public class PromptRecognizerResult<T>
{
    public bool Succeeded { get; set; }

    public T? Value { get; set; }
}

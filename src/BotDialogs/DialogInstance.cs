namespace BotDialogs;

/// <summary>One entry of the dialog stack, as persisted: the dialog's id and its own small, plain state.</summary>
public class DialogInstance
{
    public string Id { get; set; } = string.Empty;

    /// <summary>Plain values only (strings, numbers, JObject), so the stored JSON stays small and readable.</summary>
    public IDictionary<string, object> State { get; set; } = new Dictionary<string, object>();
}

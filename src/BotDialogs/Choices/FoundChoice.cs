namespace BotDialogs.Choices;

/// <summary>The choice recognised in the user's answer.</summary>
public class FoundChoice
{
    public string Value { get; set; } = string.Empty;

    /// <summary>Position of the choice in the list given to the recogniser.</summary>
    public int Index { get; set; }

    /// <summary>1 for an exact match, lower for an ordinal, partial or misspelt one.</summary>
    public float Score { get; set; }

    /// <summary>The value, title or synonym that matched.</summary>
    public string? Synonym { get; set; }
}

namespace BotDialogs.Choices;

/// <summary>How <see cref="ChoiceFactory.Inline"/> and <see cref="ChoiceFactory.List"/> write a list of choices.</summary>
public class ChoiceFactoryOptions
{
    public ChoiceFactoryOptions()
    {
    }

    public ChoiceFactoryOptions(string? inlineSeparator, string? inlineOr, string? inlineOrMore, bool? includeNumbers)
    {
        InlineSeparator = inlineSeparator;
        InlineOr = inlineOr;
        InlineOrMore = inlineOrMore;
        IncludeNumbers = includeNumbers;
    }

    /// <summary>Between choices of an inline list (default ", ").</summary>
    public string? InlineSeparator { get; set; }

    /// <summary>Between the two choices of a two-choice inline list (default " or ").</summary>
    public string? InlineOr { get; set; }

    /// <summary>Before the last choice of a longer inline list (default ", or ").</summary>
    public string? InlineOrMore { get; set; }

    /// <summary>Whether choices are numbered (default true).</summary>
    public bool? IncludeNumbers { get; set; }
}

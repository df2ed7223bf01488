using System.Text.RegularExpressions;

namespace ShopAdsBot.Insights;

/// <summary>
/// What may be kept of a message a seller typed: URLs, e-mail addresses, phone numbers and runs of 6 or more digits
/// (order, account or card numbers) are replaced by a marker, then the text is cut to <see cref="MaxLength"/> characters.
/// </summary>
public static partial class TextMask
{
    public const int MaxLength = 200;

    public static string Apply(string text)
    {
        // URLs first: they may hold an e-mail address or a long number.
        var masked = Url().Replace(text, "[url]");
        masked = Email().Replace(masked, "[e-mail]");
        // Long runs of digits next (order, account or card numbers), then what is left that reads as a phone number.
        masked = Digits().Replace(masked, "[number]");
        masked = Phone().Replace(masked, "[phone]");
        masked = Whitespace().Replace(masked, " ").Trim();
        return masked.Length <= MaxLength ? masked : masked[..MaxLength];
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // An international or national number: 8+ digits with spaces, dots, dashes or brackets between them.
    [GeneratedRegex(@"(?<!\w)\+?\(?\d[\d\s().-]{6,}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\d{6,}", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}

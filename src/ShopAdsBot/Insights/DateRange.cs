using System.Globalization;

namespace ShopAdsBot.Insights;

/// <summary>The from/to query of the API: UTC days, both inclusive; the last 30 days when absent.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    /// <summary>The range, or the reason it is refused (answered as 400).</summary>
    public static (DateRange? Range, string? Error) Parse(string? from, string? to, DateOnly today)
    {
        if (!TryDay(to, today, out var end))
        {
            return (null, "'to' must be a date written YYYY-MM-DD.");
        }
        if (!TryDay(from, end.AddDays(1 - DefaultDays), out var start))
        {
            return (null, "'from' must be a date written YYYY-MM-DD.");
        }
        if (start > end)
        {
            return (null, "'from' must not be after 'to'.");
        }
        if (end.DayNumber - start.DayNumber >= MaxDays)
        {
            return (null, $"The range may cover at most {MaxDays} days.");
        }
        return (new DateRange(start, end), null);
    }

    public override string ToString() => $"{From:yyyy-MM-dd}_{To:yyyy-MM-dd}";

    private static bool TryDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (string.IsNullOrEmpty(text))
        {
            day = fallback;
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}

using System.Globalization;
using System.Text;

namespace ShopAdsBot.Insights;

/// <summary>The CSV export of each table of the page. Cells are quoted; text that a spreadsheet would run as a formula is defused.</summary>
public static class InsightsCsv
{
    public static readonly IReadOnlyList<string> Tables = ["conversations", "branches", "nodes", "not-understood"];

    public static string Conversations(IEnumerable<DailyConversations> rows) =>
        Write(["day", "channel", "language", "conversations"], rows.Select(r => new object?[] { r.Day, r.Channel, r.Language, r.Conversations }));

    public static string Branches(IEnumerable<BranchCounts> rows) =>
        Write(["branch", "started", "ratedYes", "ratedNo", "escalated", "resolutionRate"],
            rows.Select(r => new object?[] { r.Branch, r.Started, r.RatedYes, r.RatedNo, r.Escalated, ResolutionRate(r.RatedYes, r.RatedNo) }));

    public static string Nodes(IEnumerable<NodeCounts> rows) =>
        Write(["branch", "node", "ratedYes", "ratedNo"], rows.Select(r => new object?[] { r.Branch, r.Node, r.RatedYes, r.RatedNo }));

    public static string NotUnderstood(IEnumerable<NotUnderstoodCount> rows) =>
        Write(["text", "count", "guess"], rows.Select(r => new object?[] { r.Text, r.Count, r.Guess }));

    /// <summary>Yes / rated, as a fraction with 3 decimals; empty when nothing was rated.</summary>
    public static string ResolutionRate(int yes, int no) =>
        yes + no == 0 ? "" : ((double)yes / (yes + no)).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Write(string[] header, IEnumerable<object?[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(v => Cell(Convert.ToString(v, CultureInfo.InvariantCulture)))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Cell(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}

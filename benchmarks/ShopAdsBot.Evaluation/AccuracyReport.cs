using System.Globalization;
using System.Text;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Evaluation;

/// <summary>Accuracy figures for one slice of messages (a language, a branch, or all).</summary>
public sealed record AccuracyFigures(int InScope, int Top1, int Top3, int FalseRejections, int OutOfScope, int Rejected)
{
    public double Top1Rate => InScope == 0 ? double.NaN : (double)Top1 / InScope;
    public double Top3Rate => InScope == 0 ? double.NaN : (double)Top3 / InScope;
    public double FalseRejectionRate => InScope == 0 ? double.NaN : (double)FalseRejections / InScope;
    public double RejectionRate => OutOfScope == 0 ? double.NaN : (double)Rejected / OutOfScope;

    public AccuracyFigures Add(AccuracyFigures o) =>
        new(InScope + o.InScope, Top1 + o.Top1, Top3 + o.Top3, FalseRejections + o.FalseRejections, OutOfScope + o.OutOfScope, Rejected + o.Rejected);

    public static readonly AccuracyFigures Zero = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Figures overall, per language and per branch, the confusion matrix (expected branch × what the bot did), and the
/// messages that went wrong. <see cref="Clarified"/> counts the messages answered with a clarifying question.
/// <see cref="Classes"/> are the model's classes (the content's branches, then "none"), in the order of the tables.
/// </summary>
public sealed record AccuracyReport(
    string Title,
    IReadOnlyList<string> Classes,
    AccuracyFigures All,
    IReadOnlyDictionary<string, AccuracyFigures> ByLanguage,
    IReadOnlyDictionary<string, AccuracyFigures> ByBranch,
    IReadOnlyDictionary<(string Expected, string Got), int> Confusion,
    int Messages,
    int Clarified,
    IReadOnlyList<string> Errors)
{
    public double ClarifiedRate => Messages == 0 ? double.NaN : (double)Clarified / Messages;

    private static string P(double v) => double.IsNaN(v) ? "–" : v.ToString("P1", CultureInfo.InvariantCulture);

    /// <summary>Plain text for the console.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Title);
        sb.AppendLine("  slice                       in-scope  top-1    top-3    wrongly-rejected  out-of-scope  rejected");
        void Row(string name, AccuracyFigures f) => sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-26}  {f.InScope,8}  {P(f.Top1Rate),7}  {P(f.Top3Rate),7}  {P(f.FalseRejectionRate),16}  {f.OutOfScope,12}  {P(f.RejectionRate),8}"));
        Row("all", All);
        foreach (var (lang, f) in ByLanguage.OrderBy(x => x.Key, StringComparer.Ordinal)) Row(lang, f);
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  clarifying question: {Clarified} of {Messages} messages ({P(ClarifiedRate)})"));
        return sb.ToString();
    }

    /// <summary>The tables of docs/recognizer.md: per language, per branch, and the confusion matrix.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| slice | in scope | top-1 | top-3 | wrongly rejected | out of scope | rejected |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        void Row(string name, AccuracyFigures f) => sb.AppendLine(
            $"| {name} | {f.InScope} | {P(f.Top1Rate)} | {P(f.Top3Rate)} | {P(f.FalseRejectionRate)} | {f.OutOfScope} | {P(f.RejectionRate)} |");
        Row("**all**", All);
        foreach (var (lang, f) in ByLanguage.OrderBy(x => x.Key, StringComparer.Ordinal)) Row(lang, f);
        foreach (var c in Classes) if (ByBranch.TryGetValue(c, out var f)) Row($"`{c}`", f);
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Clarifying question asked for {Clarified} of {Messages} messages ({P(ClarifiedRate)})."));
        sb.AppendLine();
        sb.AppendLine("Confusion matrix (rows: expected; columns: what the bot did; `none` = answered out of scope; a clarifying question counts as its first choice):");
        sb.AppendLine();
        var cols = Classes.Where(c => Confusion.Any(x => x.Key.Got == c)).ToList();
        sb.AppendLine("| expected \\ got | " + string.Join(" | ", cols.Select(Short)) + " |");
        sb.AppendLine("|---|" + string.Concat(cols.Select(_ => "---|")));
        foreach (var row in Classes.Where(c => Confusion.Any(x => x.Key.Expected == c)))
            sb.AppendLine($"| `{row}` | " + string.Join(" | ", cols.Select(c => Confusion.TryGetValue((row, c), out var n) ? (c == row ? $"**{n}**" : n.ToString(CultureInfo.InvariantCulture)) : "")) + " |");
        return sb.ToString();
    }

    /// <summary>Column headers short enough for a readable table: the initials of the branch id.</summary>
    private static string Short(string branch) =>
        branch == ShopAdsRecognizer.NoneIntent ? "none" : string.Concat(branch.Split('-').Select(p => p[0]));
}

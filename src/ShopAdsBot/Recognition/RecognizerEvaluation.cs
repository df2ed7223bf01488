using System.Globalization;
using System.Text;

namespace ShopAdsBot.Recognition;

/// <summary>Accuracy figures for one slice of messages (a language, or all).</summary>
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

/// <summary>Figures overall and per language, plus the messages that went wrong.</summary>
public sealed record AccuracyReport(string Title, AccuracyFigures All, IReadOnlyDictionary<string, AccuracyFigures> ByLanguage, IReadOnlyList<string> Errors)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Title);
        sb.AppendLine("  slice   in-scope  top-1    top-3    wrongly-rejected  out-of-scope  rejected");
        void Row(string name, AccuracyFigures f) => sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-6}  {f.InScope,8}  {f.Top1Rate,7:P1}  {f.Top3Rate,7:P1}  {f.FalseRejectionRate,16:P1}  {f.OutOfScope,12}  {f.RejectionRate,8:P1}"));
        Row("all", All);
        foreach (var (lang, f) in ByLanguage.OrderBy(x => x.Key, StringComparer.Ordinal)) Row(lang, f);
        return sb.ToString();
    }
}

/// <summary>
/// Honest accuracy: k-fold cross-validation where the held-out fold's examples are never in the model (the keyword
/// file is fixed domain knowledge and always is), and evaluation on a separate hold-out file.
/// Top-1 counts a message as right only when its best branch is right AND it was not rejected as out of scope;
/// top-3 when the right branch is among the three best in-scope alternatives; an out-of-scope ("none") message is
/// rejected when the band is Low.
/// </summary>
public static class RecognizerEvaluation
{
    public static AccuracyReport CrossValidate(RoutingKeywords keywords, IReadOnlyList<LabelledUtterance> examples,
        int folds = 5, int seed = 42, RecognizerOptions? options = null, string? title = null)
    {
        var fold = StratifiedFolds(examples, folds, seed);
        var outcomes = new List<(LabelledUtterance, RouteResult)>();
        for (var f = 0; f < folds; f++)
        {
            var train = examples.Where((_, i) => fold[i] != f).ToList();
            var recognizer = new ShopAdsRecognizer(keywords, train, options);
            outcomes.AddRange(examples.Where((_, i) => fold[i] == f).Select(e => (e, recognizer.Recognize(e.Text, e.Lang))));
        }
        return Score(title ?? $"{folds}-fold stratified cross-validation (seed {seed}) over {examples.Count} example messages", outcomes);
    }

    public static AccuracyReport Evaluate(ShopAdsRecognizer recognizer, IEnumerable<LabelledUtterance> messages, string title) =>
        Score(title, messages.Select(e => (e, recognizer.Recognize(e.Text, e.Lang))).ToList());

    /// <summary>Each branch's examples are shuffled with a fixed seed and dealt round-robin into the folds.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<LabelledUtterance> examples, int folds, int seed)
    {
        var fold = new int[examples.Count];
        var rng = new Random(seed);
        foreach (var group in Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Branch).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            rng.Shuffle(members);
            for (var k = 0; k < members.Length; k++) fold[members[k]] = k % folds;
        }
        return fold;
    }

    public static AccuracyReport Score(string title, IReadOnlyList<(LabelledUtterance Gold, RouteResult Got)> outcomes)
    {
        var byLang = new Dictionary<string, AccuracyFigures>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (gold, got) in outcomes)
        {
            AccuracyFigures f;
            if (gold.Branch == ShopAdsRecognizer.NoneIntent)
            {
                var rejected = got.Confidence == Confidence.Low;
                f = new AccuracyFigures(0, 0, 0, 0, 1, rejected ? 1 : 0);
                if (!rejected) errors.Add($"[{gold.Lang}] none accepted as {got.TopIntent} ({got.Score:F2}, {got.Confidence}): {gold.Text}");
            }
            else
            {
                var top1 = got.Confidence != Confidence.Low && got.TopIntent == gold.Branch;
                var top3 = got.Alternatives.Take(3).Any(a => a.Branch == gold.Branch);
                f = new AccuracyFigures(1, top1 ? 1 : 0, top3 ? 1 : 0, got.Confidence == Confidence.Low ? 1 : 0, 0, 0);
                if (!top1)
                {
                    var best = got.Alternatives.Count > 0 ? got.Alternatives[0] : new BranchScore("-", 0);
                    errors.Add($"[{gold.Lang}] {gold.Branch} → {got.TopIntent} (best {best.Branch} {best.Score:F2}, {got.Confidence}): {gold.Text}");
                }
            }
            byLang[gold.Lang] = (byLang.TryGetValue(gold.Lang, out var cur) ? cur : AccuracyFigures.Zero).Add(f);
        }
        var all = byLang.Values.Aggregate(AccuracyFigures.Zero, (a, b) => a.Add(b));
        return new AccuracyReport(title, all, byLang, errors);
    }
}

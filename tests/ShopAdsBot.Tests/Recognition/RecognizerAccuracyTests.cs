using ShopAdsBot.Evaluation;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// Cross-validation over the example messages. The examples are development data (read and tuned on), so these are
/// regression guards, not the targets: the targets are asserted on the test set only (RecognizerTestSetTests).
/// </summary>
public sealed class RecognizerAccuracyTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void CrossValidatedAccuracyDoesNotRegress()
    {
        var report = RecognizerEvaluation.CrossValidate(fixture.Sources, folds: 5, seed: 42);

        Assert.Equal(fixture.Examples.Count, report.All.InScope + report.All.OutOfScope);
        // Floors a little under the figures of docs/recognizer.md: they catch a broken model, they prove no target.
        Assert.True(report.All.Top1Rate >= 0.88, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.90, report.ToString());
        Assert.True(report.All.Top3Rate >= report.All.Top1Rate, report.ToString());
    }

    [Fact]
    public void FoldsAreStratifiedAndDisjoint()
    {
        var folds = RecognizerEvaluation.StratifiedFolds(fixture.Examples, 5, 42);

        Assert.All(folds, f => Assert.InRange(f, 0, 4));
        foreach (var branch in Enumerable.Range(0, folds.Length).GroupBy(i => fixture.Examples[i].Branch))
        {
            var perFold = branch.GroupBy(i => folds[i]).Select(g => g.Count()).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1, branch.Key);
        }
    }

    [Fact]
    public void EachFoldTrainsLikeProductionButOnNothingThatSharesAPhraseWithItsTestMessages()
    {
        var folds = RecognizerEvaluation.Folds(fixture.Sources, 5, 42);

        Assert.Equal(fixture.Examples.Count, folds.Sum(f => f.Test.Count));
        foreach (var fold in folds)
        {
            var overlap = new PhraseOverlap(fixture.Keywords.Stopwords, fold.Train.Training.Select(t => t.Text));
            Assert.All(fold.Test, t => Assert.Empty(overlap.Shared(t.Text)));
            Assert.DoesNotContain(fold.Train.Examples, e => fold.Test.Contains(e));
            // Key phrases and flow texts stay in every fold unless they leak: the fold's model is the production one.
            Assert.NotEmpty(fold.Train.FlowTexts);
            Assert.NotEmpty(fold.Train.Keywords.AsUtterances());
        }
    }

    [Fact]
    public void ScoreCountsRejectedMisroutedAndClarifiedMessagesPerLanguageAndBranch()
    {
        var outcomes = new (LabelledUtterance, RouteResult)[]
        {
            (new("create-ad", "fr", "a"), new RouteResult("create-ad", 0.9, [new("create-ad", 0.9)], Confidence.High, "a")),
            (new("create-ad", "fr", "b"), new RouteResult("none", 0.2, [new("create-ad", 0.2)], Confidence.Low, "b")),
            (new("ad-rejected", "en", "c"), new RouteResult("connect-shop", 0.5, [new("connect-shop", 0.5), new("ad-rejected", 0.3)], Confidence.Medium, "c")
                { Clarify = new Clarification("connect-shop", "ad-rejected") }),
            (new("none", "en", "d"), new RouteResult("none", 0.1, [new("create-ad", 0.1)], Confidence.Low, "d")),
            (new("none", "fr", "e"), new RouteResult("create-ad", 0.6, [new("create-ad", 0.6)], Confidence.High, "e")),
        };

        var report = RecognizerEvaluation.Score("t", fixture.Sources.BranchIds, outcomes);

        Assert.Equal(new AccuracyFigures(3, 1, 3, 1, 2, 1), report.All);
        Assert.Equal(new AccuracyFigures(2, 1, 2, 1, 1, 0), report.ByLanguage["fr"]);
        Assert.Equal(new AccuracyFigures(2, 1, 2, 1, 0, 0), report.ByBranch["create-ad"]);
        Assert.Equal(new AccuracyFigures(0, 0, 0, 0, 2, 1), report.ByBranch["none"]);
        Assert.Equal(1, report.Confusion[("create-ad", "none")]);
        Assert.Equal(1, report.Confusion[("ad-rejected", "connect-shop")]);
        Assert.Equal(1, report.Confusion[("none", "create-ad")]);
        Assert.Equal(1, report.Clarified);
        Assert.Equal(3, report.Errors.Count);
        Assert.Contains("| `create-ad` | 2 | 50.0 % |", report.ToMarkdown());
    }
}

using ShopAdsBot.Evaluation;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the test set (seeds/routing-test.tsv), a set nobody tuned on. The targets (top-1
/// ≥ 97 % in scope, out-of-scope rejection ≥ 95 %) are NOT met yet: docs/recognizer.md gives the figures measured when
/// the set was looked at (87.4 % and 83.9 %). These floors, just under them, only catch a regression; raise them to the
/// targets when a model reaches them on a new, unseen set.
/// </summary>
public sealed class RecognizerTestSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheTestSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.TestSet(), "test set");

        Assert.True(report.All.Top1Rate >= 0.85, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.80, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.20, report.ToString());
    }
}

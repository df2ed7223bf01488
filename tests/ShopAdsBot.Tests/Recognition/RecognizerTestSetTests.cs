using ShopAdsBot.Evaluation;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the test set (seeds/routing-test.tsv): 166 messages written blind by someone else and
/// evaluated once (docs/recognizer.md gives the figures and when they were taken). The targets (top-1 ≥ 97 %,
/// rejection ≥ 95 %) are not asserted here: top-1 is below them. These floors, a little under the figures measured on
/// the model as landed (top-1 90.0 %, rejection 100 %, 9.0 % clarifying questions), only catch a regression.
/// </summary>
public sealed class RecognizerTestSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheTestSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.TestSet(fixture.Recognizer.BranchIds), "test set");

        Assert.True(report.All.Top1Rate >= 0.88, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.95, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.15, report.ToString());
    }
}

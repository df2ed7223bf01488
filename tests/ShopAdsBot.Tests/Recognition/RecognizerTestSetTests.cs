using ShopAdsBot.Evaluation;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the test set (seeds/routing-test.tsv, v3): written blind by someone else (12:55 UTC) and
/// evaluated once (13:38 UTC on the frozen model 7009fe2: top-1 90.9 %, rejection 100 %, 6.2 % clarifying questions);
/// docs/recognizer.md gives the figures and when they were taken. The floors sit just under the figures measured on the
/// model as landed, after the leak rule reworded training texts (top-1 90.9 %, top-3 98.5 %, rejection 100 %, 8.2 %
/// clarifying questions): two more misses (one more outside the top three) fail. They only catch a regression; the
/// issue's targets (top-1 ≥ 97 %, rejection ≥ 95 %) are not met and are asserted only once a new blind set meets them.
/// </summary>
public sealed class RecognizerTestSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheTestSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.TestSet(fixture.Recognizer.BranchIds), "test set");

        // As landed: 120 of 132 first (90.9 %), 130 of 132 among the three (98.5 %), 63 of 63 rejected, 16 of 195 clarified.
        Assert.True(report.All.Top1Rate >= 0.90, report.ToString());
        Assert.True(report.All.Top3Rate >= 0.98, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.98, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.09, report.ToString());
    }
}

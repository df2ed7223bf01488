using ShopAdsBot.Evaluation;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the test set (seeds/routing-test.tsv, v4): written blind by someone else (14:59 UTC), kept
/// outside the repository until pass 4's model and data were frozen, the leak rule applied to the training texts first,
/// then evaluated once (16:41 UTC on the frozen model 77b1d05: top-1 95.1 %, top-3 99.3 %, rejection 96.8 %, 4.9 %
/// clarifying questions); docs/recognizer.md gives the figures and when they were taken. The floors sit just under those
/// figures: two more misses (one more outside the top three, two more accepted out-of-scope messages, three more
/// clarifying questions) fail. They only catch a regression; the top-1 target (97 %) is not met, so it is not
/// asserted; rejection (target 95 %) is.
/// </summary>
public sealed class RecognizerTestSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheTestSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.TestSet(fixture.Recognizer.BranchIds), "test set");

        // As evaluated: 136 of 143 first (95.1 %), 142 of 143 among the three (99.3 %), 60 of 62 rejected, 10 of 205 clarified.
        Assert.True(report.All.Top1Rate >= 0.94, report.ToString());
        Assert.True(report.All.Top3Rate >= 0.99, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.95, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.06, report.ToString());
    }
}

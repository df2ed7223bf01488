using ShopAdsBot.Evaluation;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the test set (seeds/routing-test.tsv, v8): written blind by someone else (00:23 UTC), kept
/// outside the repository until pass 8 began, the leak rule applied to the training texts first, then evaluated once
/// (03:19 UTC on the frozen model 3036fb7: top-1 96.8 %, top-3 99.4 %, rejection 98.6 %, 4.5 % clarifying questions);
/// docs/recognizer.md gives the figures and when they were taken. The floors sit just under those figures: one more
/// miss (one more outside the top three, two more accepted out-of-scope messages, two more clarifying questions)
/// fails. They only catch a regression; the top-1 target (97 %) is not met, so it is not
/// asserted; rejection (target 95 %) is, above it.
/// </summary>
public sealed class RecognizerTestSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheTestSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.TestSet(fixture.Recognizer.BranchIds), "test set");

        // v8, as evaluated once (pass 8): 149 of 154 first (96.8 %), 153 of 154 among the three, 69 of 70 rejected,
        // 10 of 224 clarified. The floors sit just under, so that a change that loses on it fails here.
        Assert.True(report.All.Top1Rate >= 0.96, report.ToString());
        Assert.True(report.All.Top3Rate >= 0.99, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.97, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.05, report.ToString());
    }
}

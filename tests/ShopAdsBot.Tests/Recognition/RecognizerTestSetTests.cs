using ShopAdsBot.Evaluation;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the test set (seeds/routing-test.tsv, v7): written blind by someone else (22:28 UTC), kept
/// outside the repository until pass 7 began, the leak rule applied to the training texts first, then evaluated once
/// (00:35 UTC on the frozen model ffbf65d: top-1 95.5 %, top-3 100 %, rejection 100 %, 4.0 % clarifying questions);
/// docs/recognizer.md gives the figures and when they were taken. The floors sit just under those figures: one more
/// miss (two more outside the top three, three more accepted out-of-scope messages, three more clarifying questions)
/// fails. They only catch a regression; the top-1 target (97 %) is not met, so it is not
/// asserted; rejection (target 95 %) is, above it.
/// </summary>
public sealed class RecognizerTestSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheTestSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.TestSet(fixture.Recognizer.BranchIds), "test set");

        // v7, as evaluated once (pass 7): 147 of 154 first (95.5 %), 154 of 154 among the three, 70 of 70 rejected,
        // 9 of 224 clarified. The floors sit just under, so that a change that loses on it fails here.
        Assert.True(report.All.Top1Rate >= 0.95, report.ToString());
        Assert.True(report.All.Top3Rate >= 0.99, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.97, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.05, report.ToString());
    }
}

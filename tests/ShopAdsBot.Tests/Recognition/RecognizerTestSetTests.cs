using ShopAdsBot.Evaluation;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the test set (seeds/routing-test.tsv, v10): written blind by someone else (03:35 UTC), kept
/// outside the repository until pass 10 began, the leak rule applied to the training texts first, then evaluated once
/// (06:15 UTC on the frozen model 2468f8e: top-1 97.4 %, top-3 100 %, rejection 98.6 %, 5.4 % clarifying questions);
/// docs/recognizer.md gives the figures and when they were taken. Nobody tuned on this set, so the targets are
/// asserted as they are: top-1 97 % (one more miss fails) and rejection 95 %. Top-3 and the clarifying question have
/// no target in the issue: their floors sit just under the figures (two more outside the top three, two more
/// clarifying questions fail).
/// </summary>
public sealed class RecognizerTestSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheTestSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.TestSet(fixture.Recognizer.BranchIds), "test set");

        // v10, as evaluated once (pass 10): 150 of 154 first (97.4 %), 154 of 154 among the three, 69 of 70 rejected,
        // 12 of 224 clarified.
        Assert.True(report.All.Top1Rate >= 0.97, report.ToString());
        Assert.True(report.All.Top3Rate >= 0.99, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.95, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.06, report.ToString());
    }
}

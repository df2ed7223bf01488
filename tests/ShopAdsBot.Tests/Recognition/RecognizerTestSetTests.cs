using ShopAdsBot.Evaluation;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the test set (seeds/routing-test.tsv, v9): written blind by someone else (02:13 UTC), kept
/// outside the repository until pass 9 began, the leak rule applied to the training texts first, then evaluated once
/// (04:01 UTC on the frozen model 5c0f866: top-1 96.8 %, top-3 100 %, rejection 97.1 %, 5.4 % clarifying questions);
/// docs/recognizer.md gives the figures and when they were taken. The floors sit just under those figures: one more
/// miss (two more outside the top three, two more accepted out-of-scope messages, two more clarifying questions)
/// fails. They only catch a regression; the top-1 target (97 %) is not met, so it is not
/// asserted; rejection is asserted at its target (95 %).
/// </summary>
public sealed class RecognizerTestSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheTestSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.TestSet(fixture.Recognizer.BranchIds), "test set");

        // v9, as evaluated once (pass 9): 149 of 154 first (96.8 %), 154 of 154 among the three, 68 of 70 rejected,
        // 12 of 224 clarified. The floors sit just under, so that a change that loses on it fails here.
        Assert.True(report.All.Top1Rate >= 0.96, report.ToString());
        Assert.True(report.All.Top3Rate >= 0.99, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.95, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.06, report.ToString());
    }
}

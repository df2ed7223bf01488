using ShopAdsBot.Evaluation;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The production model on the development set (seeds/routing-dev.tsv): the former test set, looked at once and then
/// studied, so it proves no target. It stays out of the model; these floors only catch a regression.
/// </summary>
public sealed class RecognizerDevSetTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheProductionModelDoesNotRegressOnTheDevelopmentSet()
    {
        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, EvaluationData.DevSet(), "development set");

        Assert.True(report.All.Top1Rate >= 0.85, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.80, report.ToString());
        Assert.True(report.ClarifiedRate <= 0.20, report.ToString());
    }
}

using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>The accuracy targets, measured on messages the model was not built from.</summary>
public sealed class RecognizerAccuracyTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void CrossValidatedAccuracyMeetsTheTargets()
    {
        var report = RecognizerEvaluation.CrossValidate(fixture.Keywords, fixture.Examples, folds: 5, seed: 42);

        Assert.Equal(fixture.Examples.Count, report.All.InScope + report.All.OutOfScope);
        Assert.True(report.All.Top1Rate >= 0.90, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.90, report.ToString());
        Assert.True(report.All.Top3Rate >= report.All.Top1Rate, report.ToString());
    }

    [Fact]
    public void HoldOutAccuracyMeetsTheTargets()
    {
        var holdout = RoutingSeeds.ReadUtterances(Path.Combine(fixture.SeedsDirectory, RoutingSeeds.HoldoutFile));
        Assert.True(holdout.Count >= 60);
        // The hold-out must really be held out: none of its messages is an example.
        var examples = fixture.Examples.Select(e => e.Text).ToHashSet();
        Assert.DoesNotContain(holdout, h => examples.Contains(h.Text));

        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, holdout, "hold-out");

        Assert.True(report.All.Top1Rate >= 0.90, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.80, report.ToString());
    }

    [Theory]
    [InlineData(RoutingSeeds.ProbeFile, 120, 60)]
    [InlineData(RoutingSeeds.FreshFile, 40, 20)]
    public void NewMessagesSharingTheDomainsWordsMeetTheTargets(string file, int minMessages, int minOutOfScope)
    {
        var messages = RoutingSeeds.ReadUtterances(Path.Combine(fixture.SeedsDirectory, file));
        Assert.True(messages.Count >= minMessages);
        Assert.True(messages.Count(m => m.Branch == ShopAdsRecognizer.NoneIntent) >= minOutOfScope);
        var known = fixture.Examples.Concat(RoutingSeeds.ReadUtterances(Path.Combine(fixture.SeedsDirectory, RoutingSeeds.HoldoutFile)))
            .Select(e => TextNormalizer.Fold(e.Text)).ToHashSet();
        Assert.DoesNotContain(messages, m => known.Contains(TextNormalizer.Fold(m.Text)));

        var report = RecognizerEvaluation.Evaluate(fixture.Recognizer, messages, file);

        Assert.True(report.All.Top1Rate >= 0.90, report.ToString());
        Assert.True(report.All.RejectionRate >= 0.80, report.ToString());
    }

    [Fact]
    public void FoldsAreStratifiedAndDisjoint()
    {
        var folds = RecognizerEvaluation.StratifiedFolds(fixture.Examples, 5, 42);

        Assert.All(folds, f => Assert.InRange(f, 0, 4));
        foreach (var branch in fixture.Examples.GroupBy(e => e.Branch))
        {
            var perFold = branch.Select(e => folds[fixture.Examples.ToList().IndexOf(e)]).GroupBy(f => f).Select(g => g.Count()).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1, branch.Key);
        }
    }

    [Fact]
    public void ScoreCountsRejectedAndMisroutedMessages()
    {
        var outcomes = new (LabelledUtterance, RouteResult)[]
        {
            (new("create-ad", "fr", "a"), new RouteResult("create-ad", 0.9, [new("create-ad", 0.9)], Confidence.High, "a")),
            (new("create-ad", "fr", "b"), new RouteResult("none", 0.2, [new("create-ad", 0.2)], Confidence.Low, "b")),
            (new("ad-rejected", "en", "c"), new RouteResult("connect-shop", 0.5, [new("connect-shop", 0.5), new("ad-rejected", 0.3)], Confidence.Medium, "c")),
            (new("none", "en", "d"), new RouteResult("none", 0.1, [new("create-ad", 0.1)], Confidence.Low, "d")),
            (new("none", "fr", "e"), new RouteResult("create-ad", 0.6, [new("create-ad", 0.6)], Confidence.High, "e")),
        };

        var report = RecognizerEvaluation.Score("t", outcomes);

        Assert.Equal(new AccuracyFigures(3, 1, 3, 1, 2, 1), report.All);
        Assert.Equal(new AccuracyFigures(2, 1, 2, 1, 1, 0), report.ByLanguage["fr"]);
        Assert.Equal(3, report.Errors.Count);
    }
}

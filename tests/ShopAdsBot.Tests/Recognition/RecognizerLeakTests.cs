using ShopAdsBot.Evaluation;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// An evaluation that cannot flatter: no test message may share a three-word phrase (case and accents folded, stop
/// words skipped) with anything the production model is built from. Adding an example or a key phrase that copies a
/// test message makes this fail: reword the new training text, never the test message.
/// </summary>
public sealed class RecognizerLeakTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public void TheTestSetSharesNoPhraseWithWhatTheModelIsBuiltFrom()
    {
        var overlap = PhraseOverlap.Of(fixture.Sources);

        var leaks = EvaluationData.TestSet(fixture.Sources.BranchIds)
            .Select(m => (m.Text, Shared: overlap.Shared(m.Text)))
            .Where(x => x.Shared.Count > 0)
            .Select(x => $"{x.Text}  <-  \"{x.Shared[0].Phrase}\" in: {x.Shared[0].ModelText}")
            .ToList();

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public void TheTestSetIsLargeBilingualCoversEveryBranchAndIsAThirdOutOfScope()
    {
        var test = EvaluationData.TestSet(fixture.Sources.BranchIds);

        Assert.True(test.Count >= 150);
        Assert.InRange(test.Count(m => m.Branch == ShopAdsRecognizer.NoneIntent) / (double)test.Count, 0.30, 0.40);
        Assert.All(fixture.Sources.BranchIds, b => Assert.True(test.Count(m => m.Branch == b) >= 8, b));
        Assert.All(test, m => Assert.Contains(m.Lang, new[] { "fr", "en" }));
        Assert.InRange(test.Count(m => m.Lang == "en") / (double)test.Count, 0.15, 0.35);
        Assert.All(test, m => Assert.Contains(m.Branch, fixture.Sources.BranchIds.Append(ShopAdsRecognizer.NoneIntent)));
    }

    [Fact]
    public void PhrasesAreComparedAfterFoldingCaseAndAccentsAndSkippingStopWords()
    {
        var overlap = new PhraseOverlap(["le", "de", "mon", "je", "une", "pour"], ["Je veux créer une campagne GMV Max pour mon live"]);

        Assert.Equal(["campagne gmv max", "gmv max live"], overlap.Shared("Campagne gmv MAX de mon LIVE").Select(s => s.Phrase));
        Assert.Equal("veux creer campagne", Assert.Single(overlap.Shared("VEUX CRÉER UNE CAMPAGNE")).Phrase);
        Assert.Empty(overlap.Shared("une campagne gmv"));
        Assert.Empty(overlap.Shared("live gmv max"));
    }

    [Fact]
    public void TheAppAndTheTestsBuildTheSameModel()
    {
        // The fixture builds through RecognizerSources, as BotServices does; flow titles are part of it.
        Assert.Contains(fixture.Sources.FlowTexts, t => t.Branch == "bc-admin-permission" && t.Text.Contains("Business Center", StringComparison.Ordinal));
        Assert.Equal(fixture.Sources.Examples.Count + fixture.Sources.Keywords.AsUtterances().Count() + fixture.Sources.FlowTexts.Count, fixture.Sources.Training.Count());
    }
}

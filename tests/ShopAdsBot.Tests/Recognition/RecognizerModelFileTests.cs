using ShopAdsBot.Evaluation;
using ShopAdsBot.Recognition;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// The model compiled at build time (recognizer.model) must answer exactly as the model trained at start-up, and must be
/// refused, never used, when it was made from other content.
/// </summary>
public sealed class RecognizerModelFileTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    private static readonly string[] OddMessages = ["", " ", "👍", "?", new('a', 5000), "<b>pub</b> https://example.com", "campagne", "BC"];

    [Fact]
    public void TheSavedModelAnswersExactlyAsTheTrainedOne()
    {
        var loaded = RoundTrip(fixture.Recognizer, fixture.Sources);

        Assert.NotNull(loaded);
        var messages = fixture.Examples.Select(e => e.Text)
            .Concat(EvaluationData.TestSet(fixture.Recognizer.BranchIds).Select(e => e.Text))
            .Concat(OddMessages);
        foreach (var text in messages)
        {
            var (expected, actual) = (fixture.Recognizer.Recognize(text), loaded.Recognize(text));
            Assert.Equal((expected.TopIntent, expected.Score, expected.Confidence, expected.Clarify, expected.StartChoice),
                (actual.TopIntent, actual.Score, actual.Confidence, actual.Clarify, actual.StartChoice));
            Assert.Equal(expected.Alternatives, actual.Alternatives);
        }
    }

    [Fact]
    public void AModelMadeFromOtherContentIsRefused()
    {
        using var saved = new MemoryStream();
        RecognizerModelFile.Write(fixture.Recognizer, fixture.Sources, saved);
        var oneExampleLess = fixture.Sources with { Examples = [.. fixture.Examples.Skip(1)] };
        var oneStopwordMore = fixture.Sources with { Keywords = fixture.Keywords with { Stopwords = [.. fixture.Keywords.Stopwords, "zzz"] } };
        var retitled = fixture.Sources with { FlowTexts = [.. fixture.Sources.FlowTexts.Select((t, i) => i == 0 ? t with { Text = t.Text + " !" } : t)] };

        foreach (var other in new[] { oneExampleLess, oneStopwordMore, retitled })
        {
            saved.Position = 0;
            Assert.Null(RecognizerModelFile.TryRead(other, saved));
        }
    }

    [Fact]
    public void ADamagedFileIsRefusedWithoutAnError()
    {
        using var saved = new MemoryStream();
        RecognizerModelFile.Write(fixture.Recognizer, fixture.Sources, saved);
        var bytes = saved.ToArray();

        Assert.Null(RecognizerModelFile.TryRead(fixture.Sources, new MemoryStream(bytes[..(bytes.Length / 2)])));
        Assert.Null(RecognizerModelFile.TryRead(fixture.Sources, new MemoryStream(bytes[..^1])));
        Assert.Null(RecognizerModelFile.TryRead(fixture.Sources, new MemoryStream()));
        Assert.Null(RecognizerModelFile.TryRead(fixture.Sources, new MemoryStream([.. bytes[..32], .. Enumerable.Repeat((byte)0xFF, 64)])));
        Assert.Null(RecognizerModelFile.TryRead(fixture.Sources, Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.model")));
    }

    [Fact]
    public void OnlyTheProductionModelIsSaved()
    {
        var ablation = fixture.Sources.Build(RecognizerOptions.Default with { NeighboursWeight = 0 });

        Assert.Throws<ArgumentException>(() => RecognizerModelFile.Write(ablation, fixture.Sources, new MemoryStream()));
    }

    /// <summary>The build writes the model next to the app (ShopAdsBot.csproj), and it fits the repository's content and code.</summary>
    [Fact]
    public void TheBuildCompilesTheModelForTheContent()
    {
        var compiled = RecognizerModelFile.TryRead(fixture.Sources, Path.Combine(AppOutput.Folder, RecognizerModelFile.FileName));

        Assert.NotNull(compiled);
        Assert.Equal(fixture.Recognizer.Recognize("l'onglet annonces napparait pas"), compiled.Recognize("l'onglet annonces napparait pas"), RouteComparer);
    }

    private static readonly IEqualityComparer<RouteResult> RouteComparer = EqualityComparer<RouteResult>.Create(
        (a, b) => a!.TopIntent == b!.TopIntent && a.Score == b.Score && a.Alternatives.SequenceEqual(b.Alternatives), r => r.TopIntent.GetHashCode());

    private static ShopAdsRecognizer? RoundTrip(ShopAdsRecognizer recognizer, RecognizerSources sources)
    {
        using var stream = new MemoryStream();
        RecognizerModelFile.Write(recognizer, sources, stream);
        stream.Position = 0;
        return RecognizerModelFile.TryRead(sources, stream);
    }
}

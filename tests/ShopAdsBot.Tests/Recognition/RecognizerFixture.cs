using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>Builds the recognizer once from the repository's seeds/ for all recognition tests.</summary>
public sealed class RecognizerFixture
{
    public string SeedsDirectory { get; } = FindSeeds();
    public ShopAdsRecognizer Recognizer { get; }
    public RoutingKeywords Keywords { get; }
    public IReadOnlyList<LabelledUtterance> Examples { get; }

    public RecognizerFixture()
    {
        Recognizer = ShopAdsRecognizer.FromSeeds(SeedsDirectory);
        Keywords = RoutingSeeds.ReadKeywords(Path.Combine(SeedsDirectory, RoutingSeeds.KeywordsFile));
        Examples = RoutingSeeds.ReadUtterances(Path.Combine(SeedsDirectory, RoutingSeeds.ExamplesFile));
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "seeds", RoutingSeeds.ExamplesFile)))
                return Path.Combine(dir.FullName, "seeds");
        throw new DirectoryNotFoundException("seeds/ not found above " + AppContext.BaseDirectory);
    }
}

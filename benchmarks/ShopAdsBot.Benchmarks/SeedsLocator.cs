using ShopAdsBot.Recognition;

namespace ShopAdsBot.Benchmarks;

/// <summary>Finds the repository's seeds/ folder from wherever the program runs (BenchmarkDotNet runs a copy in bin/).</summary>
internal static class SeedsLocator
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "seeds", RoutingSeeds.ExamplesFile)))
                    return Path.Combine(dir.FullName, "seeds");
        throw new DirectoryNotFoundException("seeds/ with " + RoutingSeeds.ExamplesFile + " not found above " + AppContext.BaseDirectory);
    }
}

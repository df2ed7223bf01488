using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Support;

/// <summary>The app's own build output (src/ShopAdsBot/bin/...), where the build writes what it compiles next to the app.</summary>
public static class AppOutput
{
    /// <summary>
    /// This test's output folder is bin/&lt;configuration&gt;/&lt;framework&gt;/: the app's is the same under src/ShopAdsBot.
    /// </summary>
    public static string Folder { get; } = Locate();

    private static string Locate()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(ContentCatalog.LocateSourceRoot(), "src", "ShopAdsBot", "bin", framework.Parent!.Name, framework.Name);
    }
}

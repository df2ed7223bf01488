namespace Deployment.Tests.Support;

/// <summary>Locates the repository from the test binaries, so tests read the committed files, not copies.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Teams => Path.Combine(Root, "deploymentTemplates", "teams");

    public static string Azure => Path.Combine(Root, "deploymentTemplates", "azure");

    /// <summary>The folder holding package.json/package-lock.json that pin the Teams schemas.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "Deployment.Tests");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))
                && Directory.Exists(Path.Combine(dir.FullName, "deploymentTemplates")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}");
    }
}

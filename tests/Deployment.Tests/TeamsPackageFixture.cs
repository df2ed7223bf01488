using System.IO.Compression;
using Deployment.Tests.Support;

namespace Deployment.Tests;

/// <summary>Runs package.sh once, as the deployment guide does, and keeps the zip's entries for the tests.</summary>
public sealed class TeamsPackageFixture : IAsyncLifetime
{
    public const string AppId = "3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c";
    public const string BotId = "8d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
    public const string Host = "shopadsbot-test.azurewebsites.net";

    private readonly string _directory = Directory.CreateTempSubdirectory("teams-package-").FullName;

    public string ZipPath => Path.Combine(_directory, "out", "ShopAdsBot.zip");

    public ProcessResult Result { get; private set; } = null!;

    public IReadOnlyDictionary<string, byte[]> Entries { get; private set; } = new Dictionary<string, byte[]>();

    public string Text(string entry) => System.Text.Encoding.UTF8.GetString(Entries[entry]);

    public async Task InitializeAsync()
    {
        Result = await ProcessRunner.RunAsync(
            "bash",
            [Path.Combine(RepoPaths.Teams, "package.sh"), AppId, BotId, "--out", ZipPath, "--host", Host],
            _directory);
        Assert.True(Result.ExitCode == 0, Result.ToString());
        using var zip = ZipFile.OpenRead(ZipPath);
        Entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

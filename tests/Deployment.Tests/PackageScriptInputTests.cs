using Deployment.Tests.Support;

namespace Deployment.Tests;

/// <summary>package.sh refuses bad ids and host names with a message that says what to pass, and writes nothing.</summary>
public sealed class PackageScriptInputTests : IDisposable
{
    private const string GoodId = "3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c";
    private readonly string _directory = Directory.CreateTempSubdirectory("teams-package-input-").FullName;

    private string ZipPath => Path.Combine(_directory, "app.zip");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(new string[0], "the app id is missing")]
    [InlineData(new[] { "not-a-guid" }, "the app id 'not-a-guid' is not a GUID")]
    [InlineData(new[] { "3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0" }, "is not a GUID")] // one digit short
    [InlineData(new[] { "{{MICROSOFT_APP_ID}}" }, "the app id '{{MICROSOFT_APP_ID}}' is not a GUID")]
    [InlineData(new[] { GoodId, "zzzzzzzz-7a4d-4e9b-9c21-5d6e7f8a9b0c" }, "the bot id 'zzzzzzzz-7a4d-4e9b-9c21-5d6e7f8a9b0c' is not a GUID")]
    [InlineData(new[] { GoodId, "--host", "https://bot.example.com/api" }, "is not a host name")]
    [InlineData(new[] { GoodId, "--host" }, "--host needs a host name")]
    [InlineData(new[] { "--host", "--colour", GoodId }, "--host needs a host name")]
    [InlineData(new[] { GoodId, "--colour", "red" }, "unknown option '--colour'")]
    public async Task Bad_input_is_refused_with_a_clear_message(string[] arguments, string message)
    {
        var result = await RunAsync(arguments);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.StdErr);
        Assert.False(File.Exists(ZipPath), "no package may be written for bad input");
    }

    [Fact]
    public async Task Without_a_host_the_package_is_built_and_says_what_it_left_out()
    {
        var result = await RunAsync([GoodId.ToUpperInvariant()]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(ZipPath));
        Assert.Contains("no --host given", result.StdErr);
        using var zip = System.IO.Compression.ZipFile.OpenRead(ZipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal(GoodId, manifest["id"]!.GetValue<string>()); // lower-cased, as Teams shows ids
        Assert.Equal(GoodId, manifest["bots"]![0]!["botId"]!.GetValue<string>()); // bot id defaults to the app id
        Assert.Empty(manifest["validDomains"]!.AsArray());
    }

    private Task<ProcessResult> RunAsync(string[] arguments) =>
        ProcessRunner.RunAsync(
            "bash",
            [Path.Combine(RepoPaths.Teams, "package.sh"), "--out", ZipPath, .. arguments],
            _directory);
}

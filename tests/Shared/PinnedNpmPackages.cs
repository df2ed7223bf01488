using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ShopAdsBot.TestSupport;

/// <summary>
/// npm packages that a test project pins in its own package.json + package-lock.json (Teams schemas, Azurite).
/// `npm ci` installs them on first use when node_modules is missing or holds another version; nothing else is fetched.
/// Compiled into each test project that needs it (tests/Shared), so there is one install procedure.
/// </summary>
public static class PinnedNpmPackages
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Installs = new();

    /// <summary>Returns the folder of <paramref name="packageName"/> under <paramref name="folder"/>/node_modules, installed at its locked version.</summary>
    public static Task<string> EnsureInstalledAsync(string folder, string packageName) =>
        Installs.GetOrAdd(Path.GetFullPath(folder) + "|" + packageName, _ => new(() => InstallAsync(folder, packageName))).Value;

    private static async Task<string> InstallAsync(string folder, string packageName)
    {
        var root = Path.Combine(folder, "node_modules", packageName);
        if (LockedVersionInstalled(folder, packageName))
        {
            return root;
        }

        // Two test processes (two runs, or two projects sharing a folder) must not run npm ci into one folder at once.
        using (await CrossProcessLockAsync(folder))
        {
            if (!LockedVersionInstalled(folder, packageName))
            {
                await RunNpmCiAsync(folder);
            }
        }

        return LockedVersionInstalled(folder, packageName)
            ? root
            : throw new InvalidOperationException($"npm ci in {folder} did not install {packageName} at the version in package-lock.json");
    }

    private static bool LockedVersionInstalled(string folder, string packageName)
    {
        var installed = Path.Combine(folder, "node_modules", packageName, "package.json");
        if (!File.Exists(installed))
        {
            return false;
        }

        var locked = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "package-lock.json")))!
            ["packages"]?["node_modules/" + packageName]?["version"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{folder}/package-lock.json does not pin {packageName}");
        return JsonNode.Parse(File.ReadAllText(installed))!["version"]?.GetValue<string>() == locked;
    }

    private static async Task RunNpmCiAsync(string folder)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--ignore-scripts" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm (install Node.js and npm)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"npm ci in {folder} did not finish in 5 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {folder} (exit {process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    /// <summary>
    /// An exclusive lock (flock) on a file in the temp folder named after the package folder; released on dispose or process
    /// exit. The file stays: deleting it on close would let a waiting process lock the unlinked file while a third creates a new one.
    /// </summary>
    private static async Task<IDisposable> CrossProcessLockAsync(string folder)
    {
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(folder))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"shopadsbot-npm-{name}.lock");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(6);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }
    }
}

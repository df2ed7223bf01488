using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs;
using ShopAdsBot.Content;
using ShopAdsBot.TestSupport;

namespace ShopAdsBot.Tests.Storage;

/// <summary>
/// A real Azurite blob service (npm package pinned in tests/ShopAdsBot.Tests/azurite), started on a free loopback port
/// with its data in a temp folder, and stopped on dispose. Its stdin is held open by this process: azurite/start-blob.js
/// exits when it closes, so even a killed test host leaves no Azurite behind.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string location = Directory.CreateTempSubdirectory("azurite-").FullName;
    private readonly StringBuilder output = new();
    private Process? process;

    public int Port { get; private set; }

    public string ConnectionString => ConnectionStringOn(Port);

    /// <summary>The connection string for reaching this Azurite through another loopback port (e.g. a proxy).</summary>
    public static string ConnectionStringOn(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{AccountName};";

    /// <summary>A container of its own for each test, so tests never see each other's blobs (and can run in parallel).</summary>
    public BlobContainerClient NewContainer() => new(ConnectionString, "test-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var folder = Path.Combine(ContentCatalog.LocateSourceRoot(), "tests", "ShopAdsBot.Tests", "azurite");
        await PinnedNpmPackages.EnsureInstalledAsync(folder, "azurite");

        // Azurite needs an explicit port: take one the OS says is free; if another process grabs it first, try again.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            process = Start(folder);
            if (await WaitUntilListeningAsync(process, TimeSpan.FromSeconds(60)))
            {
                return;
            }

            await StopAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"Azurite did not start on 127.0.0.1 (last port {Port}):\n{Output}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(location, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the OS.
        }
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private Process Start(string folder)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "start-blob.js", "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", location,
            // The SDK speaks a newer REST API version than the emulator knows; telemetry would call out to the Internet.
            "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var started = Process.Start(start) ?? throw new InvalidOperationException("Could not start node (install Node.js)");
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
    }

    private void Append(string? line)
    {
        if (line != null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private async Task<bool> WaitUntilListeningAsync(Process started, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !started.HasExited)
        {
            // Azurite prints this once its HTTP server accepts requests (and nothing else answers on our port then).
            if (Output.Contains($"successfully listens on http://127.0.0.1:{Port}"))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            process.Dispose();
            process = null;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

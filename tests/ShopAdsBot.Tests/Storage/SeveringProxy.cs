using System.Net;
using System.Net.Sockets;

namespace ShopAdsBot.Tests.Storage;

/// <summary>
/// A loopback TCP proxy in front of a service (on a port 0 of its own) that a test can sever and restore: while severed
/// every connection, open or new, is cut, as when the storage becomes unreachable; the service itself and its data
/// are untouched, so when the proxy is restored the same state is there.
/// </summary>
public sealed class SeveringProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private readonly Task accepting;
    private volatile bool severed;

    public SeveringProxy(int targetPort)
    {
        this.targetPort = targetPort;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Cuts every open connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Sever()
    {
        severed = true;
        lock (open)
        {
            open.ForEach(c => c.Dispose());
            open.Clear();
        }
    }

    public void Restore() => severed = false;

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        Sever();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            if (severed)
            {
                client.Client.LingerState = new LingerOption(true, 0); // a reset, as an unreachable service gives
                client.Dispose();
                continue;
            }
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        var server = new TcpClient();
        lock (open)
        {
            open.Add(client);
            open.Add(server);
        }
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
            var up = client.GetStream().CopyToAsync(server.GetStream(), stopping.Token);
            var down = server.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Severed or closed: the connection is gone, as intended.
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// A server that accepts TCP connections on a port and never says a word: not even the SMTP greeting. The
/// connections stay open until it is disposed, as a hung mail server's would.
/// </summary>
public sealed class StalledSmtpListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _accepted = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public StalledSmtpListener(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>How many connections it has accepted (and left hanging).</summary>
    public int Accepted
    {
        get
        {
            lock (_accepted) return _accepted.Count;
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_accepted) _accepted.Add(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        lock (_accepted)
        {
            foreach (var client in _accepted) client.Dispose();
            _accepted.Clear();
        }

        _stop.Dispose();
    }
}

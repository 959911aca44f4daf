using System.Net;
using System.Net.Sockets;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// A TCP forwarder of our own on a loopback port, put between the portal and its database so a test can
/// take the database away: <see cref="Kill"/> stops listening and closes every connection (the server is
/// gone: connections are refused), <see cref="Silence"/> keeps every connection open and accepts new ones
/// but forwards nothing (the network dropped: nothing answers, nothing fails). <see cref="Restore"/> forwards again.
/// </summary>
public sealed class TcpForwarder : IDisposable
{
    private readonly DnsEndPoint _target;
    private readonly object _gate = new();
    private readonly List<Socket> _open = [];
    private TcpListener? _listener;
    private volatile bool _silent;

    public TcpForwarder(string targetHost, int targetPort)
    {
        _target = new DnsEndPoint(targetHost, targetPort);
        Port = SmtpSink.FreePort();
        Restore();
    }

    public int Port { get; }

    /// <summary>Forwards again: forgets every connection (held ones are closed) and listens if it was killed.</summary>
    public void Restore()
    {
        lock (_gate)
        {
            CloseAll();
            _silent = false;
            if (_listener is not null) return;
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = AcceptAsync(listener);
        }
    }

    public void Kill()
    {
        lock (_gate)
        {
            _listener?.Stop();
            _listener = null;
            CloseAll();
        }
    }

    public void Silence() => _silent = true;

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Track(client);
            // A silenced forwarder holds new connections open and never answers them.
            if (!_silent) _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        Track(server);
        try
        {
            await server.ConnectAsync(_target);
            await Task.WhenAny(CopyAsync(client, server), CopyAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        Close(client);
        Close(server);
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0) return;
                // Silenced: what is read is dropped, so each side waits for an answer that never comes.
                if (!_silent) await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    private void Track(Socket socket)
    {
        lock (_gate) _open.Add(socket);
    }

    private void Close(Socket socket)
    {
        lock (_gate) _open.Remove(socket);
        socket.Dispose();
    }

    private void CloseAll()
    {
        foreach (var socket in _open) socket.Dispose();
        _open.Clear();
    }

    public void Dispose() => Kill();
}

using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using BufferLab.Simulator.Engine.Remote;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Cli.Remote;

/// <summary>
/// One SignalR connection to the dashboard's simulation hub, whose failures become one-line
/// <see cref="CliException"/>s: a refused call (the hub's HubException) is bad input (exit 2); an
/// unreachable dashboard or a lost connection exits 1.
/// </summary>
internal sealed class RemoteConnection : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private readonly HubConnection _connection;
    private readonly Uri _hub;
    private readonly CancellationTokenSource _lost = new();
    private Exception? _lostBecause;

    private RemoteConnection(HubConnection connection, Uri hub)
    {
        _connection = connection;
        _hub = hub;
        _connection.Closed += error =>
        {
            _lostBecause = error;
            _lost.Cancel();
            return Task.CompletedTask;
        };
    }

    /// <summary>The hub's address from what the user typed: a dashboard (`http://127.0.0.1:5180`) or the hub itself.</summary>
    public static Uri HubAddress(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new CliException($"'{url}' is not a dashboard address; give one such as http://127.0.0.1:5180 (what the dashboard prints when it starts)");
        }

        return uri.AbsolutePath is "" or "/" ? new Uri(uri, HubPaths.Simulation) : uri;
    }

    /// <param name="reconnect">Reconnect on its own when the connection drops (a follower: the balancer hands it to a live instance); <see cref="Reconnected"/> says when.</param>
    public static async Task<RemoteConnection> ConnectAsync(Uri hub, CancellationToken cancellationToken, bool reconnect = false)
    {
        // WebSockets straight away, no negotiate request: one connection a balancer cannot split across instances.
        IHubConnectionBuilder builder = new HubConnectionBuilder().WithUrl(hub, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        });
        HubConnection connection = (reconnect ? builder.WithAutomaticReconnect(new FollowerRetryPolicy()) : builder).Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await connection.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or WebSocketException or InvalidDataException or IOException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            string why = e is OperationCanceledException ? $"no answer within {ConnectTimeout.TotalSeconds:0} s" : e.Message;
            throw new CliException($"cannot reach the dashboard's hub at {hub}: {why}; is the dashboard running (dotnet run --project src/Simulator.Web)?", exitCode: 1);
        }

        return new RemoteConnection(connection, hub);
    }

    /// <summary>Calls <paramref name="dropped"/> when the connection drops and starts reconnecting, and <paramref name="back"/> when it is back (only with reconnect): what it joined must be joined again.</summary>
    public void OnReconnect(Action dropped, Func<Task> back)
    {
        _connection.Reconnecting += _ =>
        {
            dropped();
            return Task.CompletedTask;
        };
        _connection.Reconnected += _ => back();
    }

    /// <summary>Cancelled when the connection is lost for good.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Calls <paramref name="handler"/> for each <paramref name="method"/> message the hub sends.</summary>
    public IDisposable On<T>(string method, Action<T> handler) => _connection.On(method, handler);

    public Task InvokeAsync(string method, object?[] args, CancellationToken cancellationToken) =>
        InvokeAsync<object>(method, args, cancellationToken);

    public async Task<T> InvokeAsync<T>(string method, object?[] args, CancellationToken cancellationToken)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lost.Token);
        try
        {
            return (T)(await _connection.InvokeCoreAsync(method, typeof(T), args, call.Token).ConfigureAwait(false))!;
        }
        catch (Exception e) when (Translate(method, e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The hub's stream, item by item; ends when the hub ends it or the caller cancels.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string method, object?[] args, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lost.Token);
        IAsyncEnumerator<T> items = _connection.StreamAsyncCore<T>(method, args, call.Token).GetAsyncEnumerator(call.Token);
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await items.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (Translate(method, e, cancellationToken) is { } translated)
                {
                    throw translated;
                }

                yield return items.Current;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _lost.Dispose();
    }

    /// <summary>A one-line error for a failed call; null for the caller's own cancellation, which goes on as it is.</summary>
    private CliException? Translate(string method, Exception e, CancellationToken cancellationToken)
    {
        if (e is HubException)
        {
            // "An unexpected error occurred invoking 'Open' on the server. HubException: unknown scenario 'nope'"
            const string Marker = "HubException: ";
            int at = e.Message.IndexOf(Marker, StringComparison.Ordinal);
            return new CliException($"{method} refused: {(at >= 0 ? e.Message[(at + Marker.Length)..] : e.Message)}");
        }

        if (cancellationToken.IsCancellationRequested && e is OperationCanceledException)
        {
            return null;
        }

        string why = _lostBecause?.Message ?? e.Message;
        return new CliException($"the connection to {_hub} was lost during {method}: {why}", exitCode: 1);
    }
}

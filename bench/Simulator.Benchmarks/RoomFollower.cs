using System.Diagnostics;
using BufferLab.Simulator.Engine.Remote;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// One follower as a .NET client of the room: through the balancer, WebSockets with SkipNegotiation
/// (one request, so nginx cannot split negotiate and connect across instances), reconnecting on its own
/// and following again once back, as `Simulator.Cli remote URL follow CODE` does. It records the
/// Stopwatch time the first frame of each presenter step arrives, and when it dropped, came back and
/// first received a frame again.
/// </summary>
internal sealed class RoomFollower : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly string _code;
    private readonly int _firstStep;

    /// <summary>Arrival of the frame of step <c>_firstStep + i</c> at index i (a Stopwatch timestamp; 0: none yet). Written by the connection's handler only.</summary>
    private readonly long[] _arrivals;

    private long _droppedAt, _reconnectedAt, _firstFrameAfterReconnect;
    private int _drops;
    private string? _problem;

    private RoomFollower(HubConnection connection, string code, int firstStep, int steps)
    {
        (_connection, _code, _firstStep, _arrivals) = (connection, code, firstStep, new long[steps]);
        _connection.On<FollowedMessage>(HubPaths.Presented, OnPresented);
        _connection.Reconnecting += _ =>
        {
            Interlocked.Exchange(ref _droppedAt, Stopwatch.GetTimestamp());
            Interlocked.Increment(ref _drops);
            return Task.CompletedTask;
        };
        _connection.Reconnected += async _ =>
        {
            Interlocked.Exchange(ref _reconnectedAt, Stopwatch.GetTimestamp());
            try
            {
                await _connection.InvokeAsync<FollowedMessage>("Follow", _code).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // whatever stopped it is what the report shows for this follower
            catch (Exception e)
#pragma warning restore CA1031
            {
                _problem = $"Follow after reconnecting: {e.GetType().Name}: {e.Message}";
            }
        };
        _connection.Closed += e =>
        {
            _problem ??= $"connection closed for good{(e is null ? "" : $": {e.GetType().Name}: {e.Message}")}";
            return Task.CompletedTask;
        };
    }

    /// <summary>Times the connection dropped (the instance died or the balancer closed it).</summary>
    public int Drops => Volatile.Read(ref _drops);

    /// <summary>When it last dropped and last came back (Stopwatch timestamps; 0: never).</summary>
    public long DroppedAt => Interlocked.Read(ref _droppedAt);

    public long ReconnectedAt => Interlocked.Read(ref _reconnectedAt);

    /// <summary>The first frame after the connection came back (0: none yet).</summary>
    public long FirstFrameAfterReconnect => Interlocked.Read(ref _firstFrameAfterReconnect);

    /// <summary>What went wrong after it connected (a refused Follow again, a connection given up), or null.</summary>
    public string? Problem => _problem;

    /// <summary>Connects through <paramref name="balancer"/> and follows <paramref name="code"/>, recording the frames of steps from <paramref name="firstStep"/> (<paramref name="steps"/> of them).</summary>
    public static async Task<RoomFollower> ConnectAsync(Uri balancer, string code, int firstStep, int steps, CancellationToken cancellationToken)
    {
        HubConnection connection = new HubConnectionBuilder()
            .WithUrl(new Uri(balancer, HubPaths.Simulation), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .WithAutomaticReconnect(new FollowerReconnectPolicy())
            .Build();
        var follower = new RoomFollower(connection, code, firstStep, steps);
        try
        {
            await connection.StartAsync(cancellationToken).ConfigureAwait(false);
            await connection.InvokeAsync<FollowedMessage>("Follow", code, cancellationToken).ConfigureAwait(false);
            return follower;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>When the frame of <paramref name="step"/> arrived (a Stopwatch timestamp), or 0 if it did not.</summary>
    public long ArrivalOf(int step) => step - _firstStep is int i && i >= 0 && i < _arrivals.Length ? Volatile.Read(ref _arrivals[i]) : 0;

    /// <summary>The first frame to arrive after <paramref name="timestamp"/>, or 0.</summary>
    public long FirstArrivalAfter(long timestamp)
    {
        long first = 0;
        for (int i = 0; i < _arrivals.Length; i++)
        {
            long at = Volatile.Read(ref _arrivals[i]);
            if (at > timestamp && (first == 0 || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void OnPresented(FollowedMessage message)
    {
        if (message.Frame is not { } frame)
        {
            return; // a heartbeat, or the end
        }

        long now = Stopwatch.GetTimestamp();
        int i = frame.Step - _firstStep;
        if (i >= 0 && i < _arrivals.Length && Volatile.Read(ref _arrivals[i]) == 0)
        {
            Volatile.Write(ref _arrivals[i], now);
        }

        if (ReconnectedAt != 0 && FirstFrameAfterReconnect == 0)
        {
            Interlocked.Exchange(ref _firstFrameAfterReconnect, now);
        }
    }
}

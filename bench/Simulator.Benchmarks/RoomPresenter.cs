using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using BufferLab.Simulator.Engine.Remote;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The room's one presenter, a .NET client through the balancer: a <c>bufferlab.owner</c> cookie of
/// its own keeps it on one instance (nginx hashes it; a GET with it tells which), it opens a Stratum
/// scenario long enough for the run, presents it, and steps once every <see cref="Interval"/>,
/// recording the Stopwatch time each Step call starts.
/// </summary>
internal sealed class RoomPresenter : IAsyncDisposable
{
    /// <summary>10 steps a second.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>random-long: 23,736 steps at seed 1, far more than a run takes.</summary>
    public const string Scenario = "random-long";

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly HubConnection _connection;

    /// <summary>When the Step call that took the session to step <c>FirstStep + 1 + i</c> started and returned (Stopwatch timestamps); written by the stepping loop only.</summary>
    private readonly long[] _starts, _ends;

    private int _taken;

    private RoomPresenter(HubConnection connection, string instance, SessionInfo session, int firstStep, PresentationInfo presentation, int capacity)
    {
        (_connection, Instance, Session, FirstStep, Presentation, _starts, _ends) = (connection, instance, session, firstStep, presentation, new long[capacity], new long[capacity]);
    }

    /// <summary>The instance the presenter is on (the balancer's pick for its cookie).</summary>
    public string Instance { get; }

    public SessionInfo Session { get; }

    /// <summary>The session's step when it started presenting; the first Step takes it to the next.</summary>
    public int FirstStep { get; }

    public PresentationInfo Presentation { get; }

    /// <summary>The last step a Step call took the session to (FirstStep before any).</summary>
    public int LastStep => FirstStep + Volatile.Read(ref _taken);

    /// <param name="capacity">The most steps it will take (the scenario must have that many).</param>
    public static async Task<RoomPresenter> StartAsync(Uri balancer, int capacity, CancellationToken cancellationToken)
    {
        string owner = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)); // as the app issues owner keys
        string instance = await InstanceForAsync(balancer, owner, cancellationToken).ConfigureAwait(false);
        HubConnection connection = new HubConnectionBuilder()
            .WithUrl(new Uri(balancer, HubPaths.Simulation), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Cookies.Add(new Cookie("bufferlab.owner", owner, "/", balancer.Host));
            })
            .Build();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            await connection.StartAsync(timeout.Token).ConfigureAwait(false);
            SessionInfo session = await connection.InvokeAsync<SessionInfo>("Open", new OpenRequest(Scenario, Seed: 1), timeout.Token).ConfigureAwait(false);
            SessionStatus status = await connection.InvokeAsync<SessionStatus>("Status", session.SessionId, timeout.Token).ConfigureAwait(false);
            if (session.LastStep - status.Step < capacity)
            {
                throw new InvalidOperationException($"{Scenario} has {session.LastStep} steps; the run needs {capacity} past step {status.Step}");
            }

            PresentationInfo presentation = await connection.InvokeAsync<PresentationInfo>("Present", session.SessionId, timeout.Token).ConfigureAwait(false);
            return new RoomPresenter(connection, instance, session, status.Step, presentation, capacity);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Steps every <see cref="Interval"/> (on a fixed schedule; a late call is followed at once by the next) until <paramref name="stop"/> or the capacity.</summary>
    public async Task StepAsync(CancellationToken stop)
    {
        long begin = Stopwatch.GetTimestamp();
        int from = Volatile.Read(ref _taken);
        for (int n = from; n < _starts.Length && !stop.IsCancellationRequested; n++)
        {
            TimeSpan wait = Interval * (n - from) - Stopwatch.GetElapsedTime(begin);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            _starts[n] = Stopwatch.GetTimestamp();
            using var timeout = new CancellationTokenSource(CallTimeout);
            await _connection.InvokeAsync("Step", Session.SessionId, 1, timeout.Token).ConfigureAwait(false);
            _ends[n] = Stopwatch.GetTimestamp();
            Volatile.Write(ref _taken, n + 1);
        }

        SessionStatus status = await _connection.InvokeAsync<SessionStatus>("Status", Session.SessionId, CancellationToken.None).ConfigureAwait(false);
        if (status.Step != LastStep)
        {
            throw new InvalidOperationException($"the presenter took {LastStep - FirstStep} steps from {FirstStep} but its session is at step {status.Step}");
        }
    }

    /// <summary>When the Step call that took the session to <paramref name="step"/> started (a Stopwatch timestamp), or 0 if none did.</summary>
    public long StartOf(int step) => step - FirstStep - 1 is int i && i >= 0 && i < Volatile.Read(ref _taken) ? _starts[i] : 0;

    /// <summary>How long the Step call that took the session to <paramref name="step"/> took (ms), as the presenter waited for it.</summary>
    public double CallMillisecondsOf(int step) => StartOf(step) is var start and not 0 ? Stopwatch.GetElapsedTime(start, _ends[step - FirstStep - 1]).TotalMilliseconds : double.NaN;

    /// <summary>Ends the presentation (its followers hear so) and closes the connection, which closes the session.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(CallTimeout);
            await _connection.InvokeAsync("EndPresentation", timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The instance the balancer sends <paramref name="owner"/>'s requests to: every response names it (X-BufferLab-Instance).</summary>
    private static async Task<string> InstanceForAsync(Uri balancer, string owner, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = balancer, Timeout = CallTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "bufferlab.owner=" + owner);
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("X-BufferLab-Instance", out IEnumerable<string>? names) ? names.Single()
            : throw new InvalidOperationException($"{balancer} answered without X-BufferLab-Instance: is it a room (BufferLab__Room__Redis set)?");
    }
}

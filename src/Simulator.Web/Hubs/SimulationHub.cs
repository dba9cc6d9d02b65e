using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace BufferLab.Simulator.Web.Hubs;

/// <summary>
/// The public streaming API at <see cref="Path"/>: open a session, control it, and stream its
/// frames. A session belongs to the connection that opened it and closes with it. Every argument
/// is validated; a bad call gets a HubException saying what was wrong and changes nothing.
/// </summary>
public sealed partial class SimulationHub(SessionRegistry sessions, PresentingService presenting) : Hub
{
    public const string Path = HubPaths.Simulation;

    /// <summary>Opens a session; the argument is an <see cref="OpenRequest"/>, read field by field so a wrong type says which.</summary>
    public SessionInfo Open(JsonElement argument)
    {
        OpenRequest request = HubArguments.Record<OpenRequest>(argument, nameof(Open), "{ scenario: 'readme-case3', seed: 1 } or { ops: '+1:5 -1', capacity: 40 }");

        SimulationSession session = Guard(() => sessions.Open(Context.ConnectionId, ScenarioRequest.From(request), request.Seed, RandomSeed));
        return new SessionInfo(session.Id, session.Scenario.Name, session.Scenario.System, session.Seed.ToString(CultureInfo.InvariantCulture), session.LastStep);
    }

    public void Step(string sessionId, JsonElement count) => Guard(() => Owned(sessionId).StepForward(HubArguments.Int(count, "step count")));

    public void Back(string sessionId) => Guard(() => Owned(sessionId).StepBack());

    public void Seek(string sessionId, JsonElement step) => Guard(() => Owned(sessionId).Seek(HubArguments.Int(step, "step")));

    public void Reset(string sessionId) => Guard(() => Owned(sessionId).Reset());

    public void Play(string sessionId) => Guard(() => Owned(sessionId).Play());

    /// <summary>Plays toward step 0 at the session's speed, every step in turn (each restores a checkpoint and replays a few steps; when that is slower than the speed, play goes slower); Pause stops it.</summary>
    public void PlayBackward(string sessionId) => Guard(() => Owned(sessionId).PlayBackward());

    public void Pause(string sessionId) => Guard(() => Owned(sessionId).Pause());

    public void Speed(string sessionId, JsonElement stepsPerSecond) => Guard(() => Owned(sessionId).SetSpeed(HubArguments.Number(stepsPerSecond, "speed")));

    /// <summary>Where the session is, for clients that poll instead of streaming frames; at the last step, the event log's SHA-256; and its checkpoints' count and memory.</summary>
    public SessionStatus Status(string sessionId) => Guard(() =>
    {
        SimulationSession session = Owned(sessionId);
        string? sha256 = session.EventLogSha256();
        return session.Read(run => new SessionStatus(run.Step, session.LastStep, session.IsPlaying, run.IsFinished, sha256,
            run.Checkpoints.Count, run.Checkpoints.Bytes, run.Checkpoints.Budget.Bytes, run.Checkpoints.Interval));
    });

    public void Close(string sessionId) => Guard(() => sessions.Close(sessionId, Context.ConnectionId));

    /// <summary>
    /// The session's frames: one now, then one after each change, coalesced to at most one per
    /// <see cref="ChangeThrottle.Interval"/>. The engine only signals; a slow client just gets fewer frames.
    /// </summary>
    public async IAsyncEnumerable<Frame> Frames(string sessionId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        SimulationSession session = Guard(() => Owned(sessionId));
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, session.Closed);
        using ChangeSubscription subscription = session.Subscribe(() =>
        {
            changed.Writer.TryWrite(true);
            return Task.CompletedTask;
        });
        var cursor = new FrameCursor();
        yield return session.BuildFrame(cursor);
        while (await WaitAsync(changed.Reader, stop.Token).ConfigureAwait(false))
        {
            changed.Reader.TryRead(out _);
            yield return session.BuildFrame(cursor);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await LeavePresentationsAsync().ConfigureAwait(false);
        sessions.CloseAll(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception).ConfigureAwait(false);
    }

    /// <summary>A seed for a request that names none (nor does its file); 63 bits, so it survives JSON number readers.</summary>
    private static ulong RandomSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 1;

    private SimulationSession Owned(string sessionId) => sessions.Get(sessionId, Context.ConnectionId);

    private static void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SessionRequestException e)
        {
            throw new HubException(e.Message);
        }
    }

    private static async Task<bool> WaitAsync(ChannelReader<bool> reader, CancellationToken token)
    {
        try
        {
            return await reader.WaitToReadAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

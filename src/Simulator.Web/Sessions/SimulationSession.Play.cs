using System.Diagnostics;
using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>The session's play loops: forward at a pace or at full speed, and backward by replays.</summary>
public sealed partial class SimulationSession
{
    private async Task PlayAsync(CancellationTokenSource playing)
    {
        try
        {
            if (_backward)
            {
                await PlayBackwardAsync(playing.Token).ConfigureAwait(false);
            }
            else if (_speed >= MaxSpeed)
            {
                await PlayFullSpeedAsync(playing.Token).ConfigureAwait(false);
            }
            else
            {
                await PlayPacedAsync(playing.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // paused, or the session closed
        }
        finally
        {
            Stop(expected: playing);
            playing.Dispose();
        }
    }

    /// <summary>Steps at the chosen speed in wall-clock ticks of 10 ms; a tick never owes more than one tick's steps.</summary>
    private async Task PlayPacedAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Tick);
        long last = Stopwatch.GetTimestamp();
        double budget = 0;
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            long now = Stopwatch.GetTimestamp();
            double perTick = _speed * Tick.TotalSeconds;
            budget = Math.Min(budget + _speed * Stopwatch.GetElapsedTime(last, now).TotalSeconds, Math.Max(1, perTick));
            last = now;
            int steps = (int)budget;
            budget -= steps;
            if (steps > 0 && !PlaySlice(steps, FullSpeedSlice, stop))
            {
                return;
            }
        }
    }

    /// <summary>Steps as fast as the engine goes, in slices of <see cref="FullSpeedSlice"/>, yielding between them.</summary>
    private async Task PlayFullSpeedAsync(CancellationToken stop)
    {
        while (PlaySlice(int.MaxValue, FullSpeedSlice, stop))
        {
            await Task.Yield();
        }
    }

    /// <summary>
    /// Steps back at the chosen speed in ticks of 10 ms. A step back replays the run from step 0
    /// (a quarter to one and a half seconds for the keepstore, filestore and FUSE presets), so the
    /// steps a tick owes are taken in one replay, and after a replay that took longer than a tick
    /// the loop rests as long again (<see cref="BackwardRest"/>); the steps owed meanwhile are taken
    /// together by the next replay, so the average speed holds while the work stays bounded.
    /// </summary>
    private async Task PlayBackwardAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Tick);
        long last = Stopwatch.GetTimestamp();
        double budget = 0;
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            long now = Stopwatch.GetTimestamp();
            budget += _speed * Stopwatch.GetElapsedTime(last, now).TotalSeconds;
            last = now;
            int steps = (int)Math.Min(budget, MaxSteps);
            if (steps == 0)
            {
                continue;
            }

            budget -= steps;
            int from = Read(r => r.Step);
            int target = Math.Max(0, from - steps);
            if (!ReplayTo(from, target, stop))
            {
                return;
            }

            Changed?.Invoke();
            TimeSpan took = Stopwatch.GetElapsedTime(now);
            if (target == 0)
            {
                return;
            }

            if (took > Tick)
            {
                await Task.Delay(took * BackwardRest, stop).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Replays a fresh run of this workload to <paramref name="target"/> outside the lock and then
    /// swaps it in, so viewers go on reading the step shown and a pause answers at once (the replay
    /// is dropped) however long the replay takes. False when play was stopped, or the run was moved
    /// from <paramref name="from"/> meanwhile. Steps it replays were recorded already (history, alarm).
    /// </summary>
    private bool ReplayTo(int from, int target, CancellationToken stop)
    {
        var fresh = new Run(Scenario, Seed, MaxSteps, _closed.Token);
        Run? old = null;
        try
        {
            while (fresh.Step < target && !stop.IsCancellationRequested)
            {
                for (int i = 0; i < 64 && fresh.Step < target; i++)
                {
                    if (!fresh.StepOnce())
                    {
                        return false; // cannot happen (the run reached a later step before); never spin on it
                    }
                }
            }

            lock (_gate)
            {
                // Checked against the loop that is playing, not its token: Stop clears it under this
                // lock before it cancels, so a replay never lands after Pause has returned.
                if (_playing?.Token != stop || _run.Step != from)
                {
                    return false;
                }

                (old, _run) = (_run, fresh);
            }

            return true;
        }
        finally
        {
            (old ?? fresh).Dispose(); // the run replaced, or the replay dropped
        }
    }

    /// <summary>Runs up to <paramref name="steps"/> steps or for <paramref name="budget"/> under the lock, then tells viewers; false when play should end.</summary>
    private bool PlaySlice(int steps, TimeSpan budget, CancellationToken stop)
    {
        bool goOn = true;
        lock (_gate)
        {
            long start = Stopwatch.GetTimestamp();
            for (int done = 0; goOn && done < steps && Stopwatch.GetElapsedTime(start) < budget; done += 64)
            {
                goOn = !stop.IsCancellationRequested && StepCore(Math.Min(64, steps - done), stopAtAlarm: true) && _run.Step < LastStep;
            }
        }

        if (goOn)
        {
            Changed?.Invoke();
        }

        return goOn;
    }
}

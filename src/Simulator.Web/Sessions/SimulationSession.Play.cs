using BufferLab.Simulator.Engine.Simulation;

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>The session's play, forward (at a pace or at full speed) and backward (by replays), as turns on the <see cref="EngineExecutor"/>.</summary>
public sealed partial class SimulationSession
{
    /// <summary>Runs up to <paramref name="steps"/> steps under the lock until <paramref name="slice"/> is over, then tells viewers; false when play should end.</summary>
    private bool PlaySlice(int steps, EngineSlice slice, CancellationToken stop)
    {
        bool goOn = true;
        lock (_gate)
        {
            // One step at least per turn, so every session moves each round; the stop is checked
            // before every step, so a pause or close takes effect within one step.
            for (int done = 0; done < steps; done++)
            {
                if (stop.IsCancellationRequested || !StepCore(1, stopAtAlarm: true) || _run.Step >= LastStep)
                {
                    goOn = false;
                    break;
                }

                if (slice.IsOver)
                {
                    break;
                }
            }
        }

        if (goOn)
        {
            Changed?.Invoke();
        }

        return goOn;
    }

    /// <summary>Puts the replayed <paramref name="fresh"/> in place of the run if play is still <paramref name="playing"/> and the run still at <paramref name="from"/>; the run replaced is disposed.</summary>
    private bool SwapIn(Run fresh, int from, CancellationTokenSource playing)
    {
        Run old;
        lock (_gate)
        {
            // Checked against the play that is current, not its token: Stop clears it under this
            // lock, so a replay never lands after Pause has returned.
            if (_playing != playing || _run.Step != from)
            {
                return false;
            }

            (old, _run) = (_run, fresh);
        }

        old.Dispose();
        return true;
    }

    /// <summary>
    /// One play of the session, from Play until it ends, is paused or the session closes. Forward
    /// at full speed it steps for a whole turn and asks for another; forward at a pace it takes
    /// the steps one 10 ms tick owes (a tick never owes more than one tick's steps) and waits for
    /// the next tick. Backward, each tick's steps are taken by one replay of a fresh run from
    /// step 0 toward the target (a quarter to one and a half seconds for the keepstore, filestore
    /// and FUSE presets), a slice per turn, swapped in when it gets there; after a replay whose
    /// turns took longer than a tick it rests as long again (<see cref="BackwardRest"/>) and the
    /// steps owed meanwhile are taken by the next replay, so the average speed holds.
    /// </summary>
    private sealed class Player(SimulationSession session, CancellationTokenSource playing, bool backward) : EngineJob(playing.Token)
    {
        private bool _ticking; // paced or backward: the tick clock started
        private long _last; // when the steps owed were last counted
        private long _due; // the next tick
        private double _owed; // steps owed, with the fraction carried over
        private Run? _replay; // backward: the fresh run on its way to _target
        private int _from;
        private int _target;
        private long _replayWork; // the replay's time in turns so far (timestamp ticks)

        protected internal override EngineTurn Turn(EngineSlice slice) => backward ? Backward(slice) : Forward(slice);

        protected override void Dispose(bool disposing)
        {
            _replay?.Dispose(); // a replay dropped half way (pause, close)
            _replay = null;
            session.Stop(expected: playing);
            playing.Dispose();
        }

        private EngineTurn Forward(EngineSlice slice)
        {
            double speed = session._speed;
            if (speed >= MaxSpeed)
            {
                _ticking = false; // back to a pace later starts its ticks afresh
                return session.PlaySlice(int.MaxValue, slice, Stop) ? EngineTurn.Again : EngineTurn.Done;
            }

            if (!_ticking)
            {
                return StartTicks(slice);
            }

            _owed = Math.Min(_owed + (speed * slice.Time.GetElapsedTime(_last, slice.Start).TotalSeconds), Math.Max(1, speed * Tick.TotalSeconds));
            _last = slice.Start;
            int steps = (int)_owed;
            _owed -= steps;
            return steps > 0 && !session.PlaySlice(steps, slice, Stop) ? EngineTurn.Done : NextTick(slice.Time);
        }

        private EngineTurn Backward(EngineSlice slice)
        {
            if (_replay is null)
            {
                if (!_ticking)
                {
                    return StartTicks(slice);
                }

                _owed += session._speed * slice.Time.GetElapsedTime(_last, slice.Start).TotalSeconds;
                _last = slice.Start;
                int steps = (int)Math.Min(_owed, MaxSteps);
                if (steps == 0)
                {
                    return NextTick(slice.Time);
                }

                _owed -= steps;
                _from = session.Read(r => r.Step);
                _target = Math.Max(0, _from - steps);
                _replay = new Run(session.Scenario, session.Seed, MaxSteps, cancel: session._closed.Token);
                _replayWork = 0;
            }

            // Outside the session's lock: viewers go on reading the step shown, and a pause drops the replay.
            while (_replay.Step < _target)
            {
                if (Stop.IsCancellationRequested || !_replay.StepOnce())
                {
                    return EngineTurn.Done; // StepOnce cannot fail here (the run reached a later step before); never spin on it
                }

                if (slice.IsOver)
                {
                    break;
                }
            }

            _replayWork += slice.Time.GetTimestamp() - slice.Start;
            if (_replay.Step < _target)
            {
                return EngineTurn.Again;
            }

            Run fresh = _replay;
            _replay = null;
            if (!session.SwapIn(fresh, _from, playing))
            {
                fresh.Dispose();
                return EngineTurn.Done;
            }

            session.Changed?.Invoke();
            if (_target == 0)
            {
                return EngineTurn.Done;
            }

            long now = slice.Time.GetTimestamp();
            return _replayWork > TickOf(slice.Time)
                ? EngineTurn.At(_due = now + (long)(_replayWork * BackwardRest))
                : NextTick(slice.Time);
        }

        /// <summary>The first tick comes one tick after play starts (as a periodic timer's would).</summary>
        private EngineTurn StartTicks(EngineSlice slice)
        {
            _ticking = true;
            _owed = 0;
            _last = slice.Start;
            _due = slice.Start;
            return NextTick(slice.Time);
        }

        /// <summary>The tick after the last one, on a fixed beat; a beat missed (the engine was busy) is not made up.</summary>
        private EngineTurn NextTick(TimeProvider time)
        {
            long tick = TickOf(time);
            _due = Math.Max(_due + tick, time.GetTimestamp());
            return EngineTurn.At(_due);
        }

        private static long TickOf(TimeProvider time) => (long)(Tick.TotalSeconds * time.TimestampFrequency);
    }
}

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>The session's play, forward and backward (at a pace or at full speed), as turns on the <see cref="EngineExecutor"/>.</summary>
public sealed partial class SimulationSession
{
    /// <summary>Takes up to <paramref name="steps"/> steps, forward or back, under the lock until <paramref name="slice"/> is over, then tells viewers; false when play should end.</summary>
    private bool PlaySlice(int steps, bool backward, EngineSlice slice, CancellationToken stop)
    {
        bool goOn = true;
        lock (_gate)
        {
            // One step at least per turn, so every session moves each round; the stop is checked
            // before every step, so a pause or close takes effect within one step.
            for (int done = 0; done < steps; done++)
            {
                if (stop.IsCancellationRequested || !(backward ? StepBackCore() : StepCore(1, stopAtAlarm: true) && _run.Step < LastStep))
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

    /// <summary>
    /// One step back (under the lock): the nearest checkpoint before it is restored and the steps
    /// from there replayed, so it never skips a step however slow that is; an alarm is passed
    /// through, not stopped at. False once at step 0.
    /// </summary>
    private bool StepBackCore()
    {
        if (_run.Step > 0)
        {
            _run.SeekTo(_run.Step - 1);
        }

        return _run.Step > 0;
    }

    /// <summary>
    /// One play of the session, from Play until it ends, is paused or the session closes, either
    /// way. At full speed it steps for a whole turn and asks for another; at a pace it takes the
    /// steps one 10 ms tick owes (a tick never owes more than one tick's steps, so when steps
    /// take longer than the pace allows, play goes slower rather than skipping) and waits for the
    /// next tick. A step back costs a restore and up to a checkpoint interval of replayed steps.
    /// </summary>
    private sealed class Player(SimulationSession session, CancellationTokenSource playing, bool backward) : EngineJob(playing.Token)
    {
        private bool _ticking; // paced: the tick clock started
        private long _last; // when the steps owed were last counted
        private long _due; // the next tick
        private double _owed; // steps owed, with the fraction carried over

        protected internal override EngineTurn Turn(EngineSlice slice)
        {
            double speed = session._speed;
            if (speed >= MaxSpeed)
            {
                _ticking = false; // back to a pace later starts its ticks afresh
                return session.PlaySlice(int.MaxValue, backward, slice, Stop) ? EngineTurn.Again : EngineTurn.Done;
            }

            if (!_ticking)
            {
                return StartTicks(slice);
            }

            _owed = Math.Min(_owed + (speed * slice.Time.GetElapsedTime(_last, slice.Start).TotalSeconds), Math.Max(1, speed * Tick.TotalSeconds));
            _last = slice.Start;
            int steps = (int)_owed;
            _owed -= steps;
            return steps > 0 && !session.PlaySlice(steps, backward, slice, Stop) ? EngineTurn.Done : NextTick(slice.Time);
        }

        protected override void Dispose(bool disposing)
        {
            session.Stop(expected: playing);
            playing.Dispose();
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
            long tick = (long)(Tick.TotalSeconds * time.TimestampFrequency);
            _due = Math.Max(_due + tick, time.GetTimestamp());
            return EngineTurn.At(_due);
        }
    }
}

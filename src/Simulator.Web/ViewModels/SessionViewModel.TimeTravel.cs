using System.Globalization;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.ViewModels;

/// <summary>
/// Time travel on every system page: the run's timeline marks and moving between them, jumping
/// to a step typed in, playing backwards, and the paused view (its banner, and the chart range
/// it holds while paused). Kept apart from the transport controls it builds on.
/// </summary>
public abstract partial class SessionViewModel
{
    private bool _wasPlaying;
    private bool _wasBackward;
    private bool _resumeBackward;
    private bool _pauseRequested;

    /// <summary>Virtual time of the step shown, in milliseconds.</summary>
    public double VirtualMs { get; private set; }

    /// <summary>The session's checkpoints when the view last synced (count, memory, budget, steps between them).</summary>
    public SessionCheckpoints? Checkpoints { get; private set; }

    /// <summary>Whether play runs toward step 0.</summary>
    public bool PlayingBackward => Session?.IsPlayingBackward ?? false;

    /// <summary>The whole run's marks (ticks of one kind at one step, thinned to <see cref="RunOutline.MaxMarks"/>), including steps not reached yet.</summary>
    public IReadOnlyList<StepMark> Marks => Session?.Outline.Marks ?? [];

    /// <summary>The engine's marks per kind before merging and thinning.</summary>
    public IReadOnlyDictionary<TimelineMarkKind, int> MarkCounts => Session?.Outline.Counts ?? new Dictionary<TimelineMarkKind, int>();

    public int MarkTotal => Session?.Outline.MarkTotal ?? 0;

    /// <summary>Ticks before thinning: more than <see cref="Marks"/> holds when the run had more than <see cref="RunOutline.MaxMarks"/>.</summary>
    public int TickCount => Session?.Outline.TickCount ?? 0;

    /// <summary>The nearest mark before the step shown, if any.</summary>
    public StepMark? PreviousMark => StepMark.Before(Marks, Step);

    /// <summary>The nearest mark after the step shown, if any.</summary>
    public StepMark? NextMark => StepMark.After(Marks, Step);

    /// <summary>Why the last step typed into "jump to step" was refused (nothing changed); null once one is accepted.</summary>
    public string? JumpError { get; private set; }

    /// <summary>
    /// Set while the view is paused: play stopped before its end (the user paused, a control
    /// interrupted it, or an alarm stopped it). The charts keep the x range of everything shown
    /// since (<see cref="PausedView.UpToStep"/>, <see cref="PausedView.UpToMs"/>) instead of
    /// shrinking to the step shown, and resuming plays on from the step shown.
    /// </summary>
    public PausedView? Paused { get; private set; }

    /// <summary>Whether <see cref="Resume"/> plays backward (play was going toward step 0 when it paused).</summary>
    public bool ResumesBackward => _resumeBackward && Step > 0;

    public void GoToPreviousMark()
    {
        if (PreviousMark is { } mark)
        {
            SeekTo(mark.Step);
        }
    }

    public void GoToNextMark()
    {
        if (NextMark is { } mark)
        {
            SeekTo(mark.Step);
        }
    }

    /// <summary>
    /// Goes to the step in <paramref name="text"/> (a whole number from 0 to <see cref="SessionViewModel.LastStep"/>, or "end");
    /// anything else sets <see cref="JumpError"/> and changes nothing.
    /// </summary>
    public bool JumpTo(string? text)
    {
        string typed = text?.Trim() ?? "";
        int step;
        if (typed.Equals("end", StringComparison.OrdinalIgnoreCase))
        {
            step = LastStep;
        }
        else if (!int.TryParse(typed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out step) || step < 0 || step > LastStep)
        {
            JumpError = typed.Length == 0
                ? $"Type a step from 0 to {LastStep:N0}."
                : $"'{typed}' is not a step from 0 to {LastStep:N0}; still at step {Step:N0}.";
            return false;
        }

        JumpError = null;
        SeekTo(step);
        return true;
    }

    /// <summary>
    /// Plays toward step 0, or pauses if it already does; from step 0 it starts at the last step
    /// (as forward play starts over from the end).
    /// </summary>
    public void PlayBackward() => Control(s =>
    {
        if (s.IsPlayingBackward)
        {
            s.Pause();
            BeginPause(backward: true);
            return;
        }

        s.Pause(); // from forward play: a session plays one way at a time
        if (Step == 0)
        {
            s.Seek(LastStep);
        }

        EndPause();
        s.PlayBackward();
    });

    /// <summary>Plays on from the step shown, in the direction play had when it paused.</summary>
    public void Resume()
    {
        if (ResumesBackward)
        {
            PlayBackward();
        }
        else if (!Playing)
        {
            TogglePlay();
        }
    }

    /// <summary>The space key: pauses play in either direction, else resumes (backward if that is how it paused).</summary>
    public void PlayOrPause()
    {
        if (Playing)
        {
            TogglePlay();
        }
        else
        {
            Resume();
        }
    }

    /// <summary>
    /// After a sync (so <see cref="SessionViewModel.Step"/> is the step the run stopped at): begins the paused
    /// view when the user paused, or when play stopped short of its end by itself or because a
    /// control interrupted it; widens the paused range to what is shown.
    /// </summary>
    private void NotePlayState()
    {
        bool playing = Playing;
        bool stoppedShort = _wasPlaying && !(_wasBackward ? Step == 0 : Step >= LastStep);
        if (Paused is null && !playing && (_pauseRequested || stoppedShort))
        {
            _resumeBackward = _pauseRequested ? _resumeBackward : _wasBackward;
            Paused = new PausedView(Step, Step, VirtualMs); // the charts are redrawn up to this step as play stops: that axis is the one they keep
        }

        _pauseRequested = false;
        _wasPlaying = playing;
        _wasBackward = PlayingBackward;
        if (Paused is { } paused && (Step > paused.UpToStep || VirtualMs > paused.UpToMs))
        {
            Paused = paused with { UpToStep = Math.Max(paused.UpToStep, Step), UpToMs = Math.Max(paused.UpToMs, VirtualMs) };
        }
    }

    /// <summary>The user paused play: the paused view begins at the step the next sync reads.</summary>
    private void BeginPause(bool backward)
    {
        _resumeBackward = backward;
        _pauseRequested = true;
    }

    private void EndPause()
    {
        Paused = null;
        _pauseRequested = false;
        _wasPlaying = false;
    }
}

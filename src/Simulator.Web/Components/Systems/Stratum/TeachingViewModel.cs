using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Simulations.StratumV2;
using BufferLab.Simulator.Engine.Simulations.StratumV2.Telemetry;
using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>
/// Teaching mode on the Stratum page (VisuAlgo's and Python Tutor's "predict, then step"): before
/// a step the learner predicts the pool's next mode (required) and, if they like, its next slot
/// map; the step reveals the real ones, marks the prediction, and explains the transition. Any
/// single step forward checks a prediction made for it (the Check button, the Step button, the
/// → key); a jump or a step back drops it unchecked. The score lasts as long as the page.
/// </summary>
public sealed class TeachingViewModel : IDisposable
{
    /// <summary>What a slot-map position may show: a message label, free, or claimed twice (bug B3).</summary>
    private const string MapCharacters = "123456789abcdefghijklmnopqrstuvwxyz-*";

    private string? _sessionId;
    private int _step = -1;
    private Sv2Snapshot? _current;

    // A private copy of the run, one step ahead, tells what the next op is (random workloads
    // only know it by running); the session itself never runs ahead of what the page shows.
    private Run? _probe;
    private string? _probeSession;
    private TeachingQuestion? _question;

    public bool On { get; set; }

    public PoolMode? PredictedMode { get; private set; }

    /// <summary>The predicted slot map (8 characters), or "" when the learner predicts only the mode.</summary>
    public string MapGuess { get; private set; } = "";

    /// <summary>Why the last typed map was not taken.</summary>
    public string? MapError { get; private set; }

    public TeachingScore Score { get; private set; } = TeachingScore.Zero;

    /// <summary>The last checked prediction (show it while its step is the one shown).</summary>
    public TeachingReveal? LastReveal { get; private set; }

    /// <summary>The check of the step shown, if it was predicted.</summary>
    public TeachingReveal? RevealNow => LastReveal is { } r && r.Step == _step ? r : null;

    /// <summary>Whether stepping now would check a prediction.</summary>
    public bool CanReveal(int step, int lastStep) => On && PredictedMode is not null && step < lastStep;

    public void ChooseMode(PoolMode mode) => PredictedMode = mode;

    /// <summary>Takes a typed map: 8 of 1-9, a-z, - (free) or * (two slices); blank predicts only the mode.</summary>
    public bool SetMapGuess(string? text)
    {
        string map = (text ?? "").Trim().ToLowerInvariant();
        if (map.Length == 0)
        {
            (MapGuess, MapError) = ("", null);
            return true;
        }

        if (map.Length != BufferPoolLimits.PoolCapacity || map.Any(c => !MapCharacters.Contains(c)))
        {
            MapError = $"a slot map is {BufferPoolLimits.PoolCapacity} characters, position 1 first, each a label (1-9, a-z), - for free or * for two slices; '{map}' is not";
            return false;
        }

        (MapGuess, MapError) = (map, null);
        return true;
    }

    /// <summary>
    /// Clicking slot <paramref name="position"/> (1-8) cycles it through what it can become: what
    /// it shows now, free, and the label of the message the next op hands out.
    /// </summary>
    public void CycleCell(int position, TeachingQuestion question)
    {
        if (position is < 1 or > BufferPoolLimits.PoolCapacity)
        {
            return;
        }

        char[] map = (MapGuess.Length == BufferPoolLimits.PoolCapacity ? MapGuess : question.CurrentMap).ToCharArray();
        char now = question.CurrentMap[position - 1];
        char[] choices = [.. new[] { now, SlotLabels.Free, question.NextLabel?[0] ?? now }.Distinct()];
        map[position - 1] = choices[(Array.IndexOf(choices, map[position - 1]) + 1) % choices.Length];
        (MapGuess, MapError) = (new string(map), null);
    }

    public void ResetScore()
    {
        Score = TeachingScore.Zero;
        LastReveal = null;
    }

    /// <summary>
    /// Called with every state the page reads (under the session's lock, so it only compares):
    /// one step forward from where a prediction was made checks it; anything else drops it.
    /// </summary>
    public void Observe(string sessionId, int step, Sv2Snapshot snapshot, IReadOnlyList<LoggedEvent> events)
    {
        if (sessionId != _sessionId)
        {
            (_sessionId, LastReveal) = (sessionId, null); // another workload: the score stays, the prediction goes
            ClearPrediction();
        }
        else if (step != _step)
        {
            if (step == _step + 1 && On && PredictedMode is { } mode && _current is { } before)
            {
                Check(step, mode, before, snapshot, events);
            }

            ClearPrediction();
        }

        (_step, _current) = (step, snapshot);
    }

    /// <summary>The question for the step after <paramref name="step"/>, or null at the run's end.</summary>
    public TeachingQuestion? QuestionFor(SimulationSession? session, int step, int lastStep)
    {
        if (session is null || _current is not { } current || step >= lastStep)
        {
            return null;
        }

        if (_question is { } known && known.Step == step + 1 && _probeSession == session.Id && known.CurrentMap == current.SlotMap)
        {
            return known;
        }

        if (_probeSession != session.Id)
        {
            _probe?.Dispose();
            // Checkpoints as the session's: a learner who steps back costs a restore and a short replay here too, not a replay from step 0.
            _probe = new Run(session.Scenario, session.Seed, SimulationSession.MaxSteps, session.CheckpointBudget);
            _probeSession = session.Id;
        }

        _probe!.SeekTo(step + 1);
        LoggedEvent[] next = [.. _probe.Events.Events.Where(e => e.Step == step + 1)];
        string op = next.Select(e => e.Event).OfType<OpApplied>().FirstOrDefault()?.Op ?? "?";
        string? label = next.Select(e => e.Event).OfType<SliceWritten>().FirstOrDefault()?.Label;
        _question = new TeachingQuestion(step + 1, op, StepExplainer.Describe(op), label, current.SlotMap, current.Mode);
        return _question;
    }

    /// <summary>Forgets the workload (its session closed); the score stays.</summary>
    public void Forget()
    {
        _probe?.Dispose();
        (_probe, _probeSession, _question, _sessionId, _current, _step) = (null, null, null, null, null, -1);
        ClearPrediction();
    }

    public void Dispose() => Forget();

    private void Check(int step, PoolMode mode, Sv2Snapshot before, Sv2Snapshot after, IReadOnlyList<LoggedEvent> events)
    {
        string? map = MapGuess.Length == BufferPoolLimits.PoolCapacity ? MapGuess : null;
        bool right = mode == after.Mode && (map is null || map == after.SlotMap);
        string explanation = StepExplainer.Explain(step, events);
        if (before.Mode == after.Mode && !events.Any(e => e.Event is ModeChanged or Reset))
        {
            explanation += $" No edge fired: the pool stays in {after.Mode} mode.";
        }

        LastReveal = new TeachingReveal(step, mode, after.Mode, before.Mode, map, after.SlotMap, before.SlotMap, right, explanation.Trim());
        Score = Score.Add(right);
    }

    private void ClearPrediction() => (PredictedMode, MapGuess, MapError) = (null, "", null);
}

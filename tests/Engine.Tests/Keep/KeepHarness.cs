using BufferLab.Simulator.Engine.Simulations.Keep;
using BufferLab.Simulator.Engine.Simulation;
using BufferLab.Simulator.Engine.Systems.Keep;
using BufferLab.Simulator.Engine.Telemetry;
using BufferLab.Simulator.Engine.Simulations.Keep.Telemetry;

namespace BufferLab.Simulator.Engine.Tests.Keep;

/// <summary>Runs a keepstore model with requests placed by hand: blocks are real random bytes, each request an actor at its time.</summary>
internal sealed class KeepHarness : IScenario
{
    private readonly List<(double AtMs, Func<KeepModel, KeepLocator[], IEnumerable<TimeSpan>> Body)> _actors = [];
    private readonly List<Action<KeepModel, KeepLocator[]>> _setup = [];

    public KeepHarness(KeepConfig config, int blocks = 1, int blockBytes = 1 << 20)
    {
        Config = config;
        BlockCount = blocks;
        BlockBytes = blockBytes;
        Run = null!;
    }

    public string Name => "harness";

    public string Title => "harness";

    public string System => KeepModel.SystemId;

    public string Description => "hand-placed requests";

    public KeepConfig Config { get; }

    public int BlockCount { get; }

    public int BlockBytes { get; }

    public Run Run { get; private set; }

    public KeepModel Model => (KeepModel)Run.Model;

    public KeepLocator[] Locators { get; private set; } = [];

    public KeepHarness Get(double atMs, int block, double? disconnectAfterMs = null, long priority = 0)
    {
        _actors.Add((atMs, (m, l) => m.Request("GET", l[block], priority, null, disconnectAfterMs is { } d ? TimeSpan.FromMilliseconds(d) : null)));
        return this;
    }

    public KeepHarness GetLocator(double atMs, KeepLocator locator, double? disconnectAfterMs = null)
    {
        _actors.Add((atMs, (m, _) => m.Request("GET", locator, 0, null, disconnectAfterMs is { } d ? TimeSpan.FromMilliseconds(d) : null)));
        return this;
    }

    public KeepHarness Put(double atMs, byte[] body, KeepLocator locator, params string[] storageClasses)
    {
        _actors.Add((atMs, (m, _) => m.Request("PUT", locator, 0, body, storageClasses: storageClasses)));
        return this;
    }

    public KeepHarness PutLeaving(double atMs, byte[] body, KeepLocator locator, double disconnectAfterMs)
    {
        _actors.Add((atMs, (m, _) => m.Request("PUT", locator, 0, body, TimeSpan.FromMilliseconds(disconnectAfterMs))));
        return this;
    }

    public KeepHarness Setup(Action<KeepModel, KeepLocator[]> setup)
    {
        _setup.Add(setup);
        return this;
    }

    public KeepHarness Execute(ulong seed = 1)
    {
        Run = new Run(this, seed);
        Run.RunToEnd();
        return this;
    }

    public ISimulationModel Build(RunContext context)
    {
        var model = new KeepModel(Config, context);
        var random = new SeededRandom(42);
        Locators = new KeepLocator[BlockCount];
        for (int i = 0; i < BlockCount; i++)
        {
            byte[] data = new byte[BlockBytes];
            random.NextBytes(data);
            Locators[i] = model.StoreBlock(data);
        }

        foreach (Action<KeepModel, KeepLocator[]> setup in _setup)
        {
            setup(model, Locators);
        }

        model.Expect(_actors.Count);
        int n = 0;
        foreach ((double atMs, var body) in _actors)
        {
            context.Scheduler.Spawn($"client-{++n}", body(model, Locators), TimeSpan.FromMilliseconds(atMs));
        }

        return model;
    }

    public IEnumerable<T> Events<T>() where T : SimEvent => Run.Events.Events.Select(e => e.Event).OfType<T>();

    public ResponseSent Response(int request) => Events<ResponseSent>().Single(r => r.Request == request);

    /// <summary>Teaching-size configuration: 1 MiB blocks and buffers, bandwidths scaled to match.</summary>
    public static KeepConfig Teaching(KeepServerMode mode) => new() { Mode = mode, Scale = 64 };
}

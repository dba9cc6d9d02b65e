using BufferLab.Simulator.Web.Sessions;

namespace BufferLab.Simulator.Web.Tests.Sessions;

/// <summary>An engine job whose turns do what the test says, and that remembers being ended.</summary>
internal sealed class ScriptedJob(Func<EngineTurn> turn) : EngineJob(CancellationToken.None)
{
    public bool Ended { get; private set; }

    protected internal override EngineTurn Turn(EngineSlice slice) => turn();

    protected override void Dispose(bool disposing) => Ended = true;
}

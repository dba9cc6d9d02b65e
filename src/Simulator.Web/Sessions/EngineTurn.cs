namespace BufferLab.Simulator.Web.Sessions;

/// <summary>What an <see cref="EngineJob"/> wants after a turn: another turn as soon as its round comes, a turn at a time, or nothing more.</summary>
public readonly record struct EngineTurn(EngineTurn.Kind Next, long DueTimestamp)
{
    public enum Kind
    {
        Again,
        At,
        Done,
    }

    /// <summary>Another turn after every other session with work had one (full-speed play, either way).</summary>
    public static EngineTurn Again { get; } = new(Kind.Again, 0);

    /// <summary>Nothing more: the job ends (the executor disposes it).</summary>
    public static EngineTurn Done { get; } = new(Kind.Done, 0);

    /// <summary>A turn once the executor's clock reads <paramref name="timestamp"/> (paced play's next tick, a rest).</summary>
    public static EngineTurn At(long timestamp) => new(Kind.At, timestamp);
}

namespace BufferLab.Simulator.Benchmarks;

/// <summary>The presenter's frame as a measuring follower reads it: its step only (see <see cref="FollowedMessage"/>).</summary>
internal sealed record FollowedFrame(int Step);

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// The part of a <see cref="Engine.Remote.PresentedFrame"/> a measuring follower reads (the JSON
/// protocol skips the rest): the step, whether the presentation ended, and the presenter's frame's
/// step when it carries one. Reading the snapshot and events into objects for hundreds of followers
/// would spend the cores the instances are measured on.
/// </summary>
internal sealed record FollowedMessage(long Version, int Step, string Status, FollowedFrame? Frame);

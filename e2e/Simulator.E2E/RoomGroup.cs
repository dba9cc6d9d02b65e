namespace BufferLab.Simulator.E2E;

/// <summary>
/// The tests of a room (<see cref="RoomFixture"/>): two instances, Redis and nginx beside the
/// browser. Run on their own, after the other browser tests, so the two cores are not shared with
/// the single dashboard's tests and neither side's timings suffer.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RoomGroup : ICollectionFixture<RoomFixture>
{
    public const string Name = "room";
}

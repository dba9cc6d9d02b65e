using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>Plain-words causes for the edges of the pool state machine (spec section 1.5), filled in with the values that decided them.</summary>
public static class Sv2EdgeCauses
{
    public static string Describe(int edge, BufferPool pool, byte sharedState, int requested)
    {
        int leading = PoolBack.LeadingZeros(sharedState);
        int trailing = PoolBack.TrailingZeros(sharedState);
        int used = pool.Back.BackStart + pool.Back.Len;
        return edge switch
        {
            2 => $"bytes ran out: {requested} more bytes do not fit in the {pool.Capacity}-byte pool although only {used} of 8 slots are used, so the message goes to the heap",
            4 => $"the back is full and slots 1-{leading} are free (ss={sharedState:x2} has {leading} leading zeros), so the front reuses bytes 0..{pool.Front.ByteCapacity}",
            5 => $"the back is full and nothing can be reclaimed (ss={sharedState:x2}: slot 1 {(leading == 0 ? "in use" : "free")}, {trailing} free slots at the tail), so the message goes to the heap",
            7 => $"the front cannot take {requested} more bytes; the back's freed tail ({trailing} slots, ss={sharedState:x2}) is reused while slot 1 is in use",
            8 => $"the front cannot take {requested} more bytes and the back's tail cannot be reclaimed (ss={sharedState:x2}), so the bytes written so far are copied to the heap",
            10 => $"a new message starts and the back's freed tail (ss={sharedState:x2}) can be reused, so the pool leaves the heap",
            11 => $"a new message starts and slots 1-{leading} are free (ss={sharedState:x2}), so the front takes over from the heap",
            _ => $"edge {edge}",
        };
    }
}

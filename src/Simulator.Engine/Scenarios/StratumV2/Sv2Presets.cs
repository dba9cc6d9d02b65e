using BufferLab.Simulator.Engine.Systems.StratumV2;

namespace BufferLab.Simulator.Engine.Scenarios.StratumV2;

/// <summary>
/// The built-in BufferPool scenarios: buffer_sv2's README Cases and examples, its unit tests, the
/// edge cases and bug reproductions of the spec (vectors V01-V22), a B7 clone demo and a seeded
/// random workload. Scripts are the ops of the recorded vectors, so each preset ends in the
/// state the real Rust code reached.
/// </summary>
public static class Sv2Presets
{
    private const string Fill8 = "+1:5 +2:5 +3:5 +4:5 +5:5 +6:5 +7:5 +8:5";

    public static IReadOnlyList<Sv2Scenario> All { get; } =
    [
        Case("readme-case1", "README Case 1: pool exhaustion", "Eight 5-byte messages fill the 8 slots of a 40-byte pool; messages 9 and 10 go to the heap (Alloc mode).",
            40, $"{Fill8} +9:5 +10:5", ReadmeCase1()),
        Case("readme-case2", "README Case 2: reset to stay in Back mode", "All 8 slices are dropped; the next get_writable sees ss == 0, resets, and messages 9 and a reuse slots 1 and 2.",
            40, $"{Fill8} -1,2,3,4,5,6,7,8 +9:5 +10:5", ReadmeCase2()),
        Case("readme-case3", "README Case 3: Back → Front → Back", "Slices 1-2 are dropped so the front takes slots 1-2; slices 7-8 are dropped so the back's tail is reused. Ends at 9a3456bc BACK MODE; the README's a93456bc is wrong about positions.",
            40, $"{Fill8} -1,2 +9:5 +10:5 -7,8 +11:5 +12:5", ReadmeCase3()),
        Script("example-exhaustion", "Example: buffer_pool_exhaustion.rs", "1-byte messages in an 8-byte pool: Back → Front (slot 1) → Alloc.",
            8, "+1:1 +2:1 +3:1 +4:1 -1 +5:1 +6:1 +7:1 +8:1 +9:1 +10:1"),
        Script("example-variable-sized", "Example: variable_sized_messages.rs", "A 63-byte message does not fit a 32-byte pool and goes to the heap; once all are dropped the pool resets to Back.",
            32, "+1:5 +2:16 +3:63 -1,2,3 +4:2"),
        Script("test-back-front-back", "Unit test back_front_back", "Back fills, the head frees (Front), then the tail frees and the pool returns to Back.",
            40, $"{Fill8} -1,2,3 +9:5 +10:5 +11:5 -8,7,6 +12:5 +13:5 +14:5"),
        Script("test-back-front-alloc", "Unit test back_front_alloc", "Back fills, the front fills, nothing else is free: Alloc.",
            40, $"{Fill8} -1,2,3 +9:5 +10:5 +11:5 +12:5 +13:5 +14:5"),
        Script("test-back-alloc-back", "Unit test back_alloc_back", "Alloc until the back's tail frees; the next message returns to Back.",
            40, $"{Fill8} +9:5 +10:5 +11:5 -8,7,6 +12:5 +13:5 +14:5"),
        Script("test-back-alloc-front", "Unit test back_alloc_front", "Alloc until the head frees; the next message moves to Front.",
            40, $"{Fill8} +9:5 +10:5 +11:5 -1,2,3 +12:5 +13:5 +14:5"),
        Script("bytes-before-slots", "Bytes run out before slots", "A 12-byte pool runs out of bytes with only 2 slots used: Alloc, and it stays there although slot 1 frees, until a reset.",
            12, "+1:5 +2:5 +3:5 +4:5 -1 +5:5 -2,3,4,5 +6:5"),
        Script("chunk-back-to-alloc", "Chunked message overflows Back", "The second chunk of message 8 does not fit: the first 3 bytes are copied to the heap.",
            40, "+1:5 +2:5 +3:5 +4:5 +5:5 +6:5 +7:5 w8:3 w8:4 g8"),
        Script("chunk-front-to-alloc", "Chunked message overflows Front", "Message 9 outgrows the front region and the back is not free: Alloc with carried bytes.",
            40, $"{Fill8} -1,2 w9:6 w9:6 g9"),
        Script("chunk-front-to-back", "Chunked message moves Front → Back", "Message 10 outgrows the front while the back's tail is free: its 3 bytes move from offset 5 to 30.",
            40, $"{Fill8} -1,2 +9:5 -7,8 w10:3 w10:4 g10"),
        Script("reset-alloc-carry", "Reset from Alloc with carried bytes", "3 heap bytes of message 9 are prepended at offset 0 on the reset.",
            40, $"{Fill8} w9:3 -1,2,3,4,5,6,7,8 w9:2 g9"),
        Script("reset-alloc-too-big", "Reset from Alloc with too many heap bytes", "9 heap bytes do not fit an 8-byte pool, so the reset leaves the pool in Alloc (edge E2); a later reset zeroes the slot records.",
            8, "+1:1 +2:1 +3:1 +4:1 +5:1 +6:1 +7:1 +8:1 w9:9 -1,2,3,4,5,6,7,8 w9:1 g9 +10:1"),
        Script("zero-length", "Zero-length messages", "An empty message gets index 59 and no slot; with the back full, even get_writable(0) ends in Alloc (edge E1).",
            40, "+1:5 +2:0 +3:5 +4:5 +5:5 +6:5 +7:5 +8:5 +9:5 +10:0"),
        Script("bug-b1-stuck-alloc", "Bug B1: stale back_start, stuck in Alloc", "try_clear_head writes back_start = 0 on its way to Alloc; afterwards the pool cannot leave Alloc although slots free up, until everything is dropped.",
            40, $"{Fill8} -1,2,3 +9:5 +10:5 +11:5 +12:5 +13:5 -9,10,11 +14:5 -6,7,8 +15:5 -4,5 +16:5"),
        Script("bug-b2-back-len", "Bug B2: back length minus back_start", "Re-entering Front computes the back's length as len - back_start (5 - 3 = 2); when the tail frees, the pool falls to Alloc where it could reuse it.",
            40, $"{Fill8} -1,2,3 +9:5 +10:5 +11:5 +12:5 -9,10,11 +13:5 +14:5 +15:5 -6,7,8 +16:5"),
        Script("bug-b3-duplicate-index", "Bug B3: duplicate slot index", "After all front slices drop, inner.len stays stale: slice 10 gets index 2 while slice 2 is alive, and its bit XOR-clears.",
            41, "+1:6 +2:5 +3:5 +4:5 +5:5 +6:5 +7:5 +8:5 -1 +9:1 -9 +10:3 -10 +11:3 -2 +12:3"),
        Script("bug-b4-overlap", "Bug B4: Front → Back overlap corrupts data", "The emptied back restarts after a stale front record: slice 13 is written over live slice 12 (CORRUPT:12).",
            40, $"{Fill8} -1,2,3 +9:5 +10:5 +11:2 -10,11 +12:9 -4,5,6,7,8 +13:5"),
        Script("bug-b5-panic", "Bug B5: panic on slot index 8 (with B6)", "B2 and B3 let inner.len creep up to 8 in Front mode; the next get_data_owned indexes slots[8] and panics. B6: the idle pool never resets on the way.",
            64, "+1:4 +2:8 +3:9 +4:5 +5:4 +6:1 +7:8 -1 +8:1 -6 +9:14 -3,2,4,7,5 +10:3 -10 +11:5 -8,11 +12:1 +13:6 +14:1 -14,12,13 +15:2 +16:6 -16,15 +17:4 -17 +18:6"),
        Script("back-tail-reuse", "Back tail reuse with a hole in the middle", "The freed tail (slots 7-8) is reused; the hole at slots 3-4 is not, until it joins a prefix or suffix.",
            40, $"{Fill8} -7,8 +9:5 -3,4 +10:5 +11:5"),
        Script("bug-b7-clone", "Bug B7: Slice::clone aliases a slot", "Clone 2 aliases slice 1; dropping 1 frees the slot while 2 lives, so message 3 overwrites it (CORRUPT:2, duplicate index), and the second drop leaves a phantom bit that blocks every reset.",
            40, "+1:5 c1>2 -1 +3:5 -2 -3 +4:5 +5:5"),
        Sv2Scenario.Randomised("random", "Seeded random workload", "300 messages of 1-12 bytes in 1-2 chunks, each dropped after an exponential hold (mean 60 µs, one every 10 µs on average) on a 64-byte pool. Change the seed for another interleaving.",
            64, new Sv2RandomWorkload()),
        Sv2Scenario.Randomised("random-long", "Long seeded random workload", "8,000 messages of 1-40 bytes in 1-3 chunks on a 256-byte pool, about 24,000 steps. The faithful pool keeps falling into Alloc with a back length of 0, where even an idle pool never resets (B6), and puts 7,763 of the 8,000 messages on the heap; the fixed variant puts 4,419 there.",
            256, new Sv2RandomWorkload(Messages: 8_000, MaxBytes: 40, MaxChunks: 3, MeanHoldMicros: 80)),
    ];

    private static Sv2Scenario Script(string name, string title, string description, int capacity, string ops) =>
        Sv2Scenario.Scripted(name, title, description, capacity, ops, Sv2Variant.Faithful);

    private static Sv2Scenario Case(string name, string title, string description, int capacity, string ops, IReadOnlyList<DocumentedStep> documented) =>
        Script(name, title, description, capacity, ops) with { Documented = documented };

    /// <summary>Steps 0-8 of every README Case: the back fills left to right.</summary>
    private static IEnumerable<DocumentedStep> Filling()
    {
        for (int step = 0; step <= 8; step++)
        {
            string map = "12345678"[..step].PadRight(8, '-');
            yield return new DocumentedStep(step, $"{map} BACK MODE", step == 8 ? "buffer is now full" : null);
        }
    }

    private static DocumentedStep[] ReadmeCase1() =>
    [
        .. Filling(),
        new(9, "12345678 ALLOC MODE", "new bytes being allocated in a new space in the heap"),
        new(10, "12345678 ALLOC MODE", "new bytes being allocated in a new space in the heap"),
    ];

    private static DocumentedStep[] ReadmeCase2() =>
    [
        .. Filling(),
        new(9, "-------- RESET", "upstream resets inside the next get_writable, not on the drop"),
        new(10, "9------- BACK MODE"),
        new(11, "9a------ BACK MODE"),
    ];

    private static DocumentedStep[] ReadmeCase3() =>
    [
        .. Filling(),
        new(9, "--345678", "Consume first two data bytes from the buffer"),
        new(10, "-9345678 SWITCH TO FRONT MODE", "wrong in the README: slice 9 takes index 1 (offset 0)"),
        new(11, "a9345678 FRONT MODE", "wrong in the README: slice a takes index 2 (offset 5)"),
        new(12, "a93456--", "Consume last two data bytes from the buffer"),
        new(13, "a93456b- SWITCH TO BACK MODE"),
        new(14, "a93456bc BACK MODE", "buffer is now full"),
    ];
}

using BufferLab.Simulator.Engine.Scenarios;
using BufferLab.Simulator.Engine.Scenarios.Files;

namespace BufferLab.Simulator.Engine.Simulations.Fuse;

/// <summary>
/// One kernel request of a FUSE op string: `r0:1MiB` READs 1 MiB at offset 0, `w4MiB:4MiB` WRITEs;
/// `+f` sends a FORGET after it and `+i` an INTERRUPT of it, as in `r64KiB:4KiB+f+i`. Sizes take
/// K/M/G (KiB, MiB, GiB) units. The kernel splits a request larger than INIT allowed.
/// </summary>
public sealed record FuseIoOp(bool Write, long Offset, int Size, bool Forget = false, bool Interrupt = false)
{
    public const string Grammar = "expected rOFFSET:SIZE or wOFFSET:SIZE, then optionally +f (FORGET) and +i (INTERRUPT), as in r0:1MiB or w4MiB:4MiB+f";

    public override string ToString() =>
        $"{(Write ? 'w' : 'r')}{SizeText.Format(Offset)}:{SizeText.Format(Size)}{(Forget ? "+f" : "")}{(Interrupt ? "+i" : "")}";

    public static FuseIoOp? TryParse(string token, out string? error)
    {
        error = null;
        string[] parts = token.Split('+');
        string io = parts[0];
        int colon = io.IndexOf(':', StringComparison.Ordinal);
        if (io.Length < 4 || io[0] is not ('r' or 'w') || colon < 2)
        {
            error = Grammar;
            return null;
        }

        if (!SizeText.TryParse(io[1..colon], out long offset) || !SizeText.TryParse(io[(colon + 1)..], out long size) || size is < 1 or > int.MaxValue)
        {
            error = "offset and size must be byte counts (size from 1), as in r4KiB:64KiB";
            return null;
        }

        bool forget = false, interrupt = false;
        foreach (string flag in parts.Skip(1))
        {
            switch (flag)
            {
                case "f" when !forget:
                    forget = true;
                    break;
                case "i" when !interrupt:
                    interrupt = true;
                    break;
                default:
                    error = $"unknown or repeated flag '+{flag}'; {Grammar}";
                    return null;
            }
        }

        return new FuseIoOp(io[0] == 'w', offset, (int)size, forget, interrupt);
    }
}

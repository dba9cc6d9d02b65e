using BufferLab.Simulator.Engine.Scenarios;

namespace BufferLab.Simulator.Engine.Simulations.StratumV2;

/// <summary>The buffer_sv2 README's message labels: 1-9, then a-z, wrapping after z.</summary>
public static class SlotLabels
{
    private const string Alphabet = "123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The label of the <paramref name="writeOrder"/>-th message handed out (1-based).</summary>
    public static string For(int writeOrder) => Alphabet[(writeOrder - 1) % Alphabet.Length].ToString();

    /// <summary>Shown in a slot-map position that two or more live slices claim (bug B3).</summary>
    public const char Duplicate = '*';

    public const char Free = '-';
}

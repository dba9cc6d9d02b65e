namespace BufferLab.Simulator.Engine.Systems.StratumV2;

/// <summary>Which BufferPool to run: upstream 3.0.1 exactly, or our corrected variant.</summary>
public enum Sv2Variant
{
    /// <summary>buffer_sv2 3.0.1 as released, bugs B1-B6 included.</summary>
    Faithful,

    /// <summary>Our variant with B1-B6 fixed; see <see cref="BufferPool"/> and the README table.</summary>
    Fixed,
}

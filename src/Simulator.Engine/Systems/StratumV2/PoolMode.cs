namespace BufferLab.Simulator.Engine.Systems.StratumV2;

// Mirrors `PoolMode` in stratum-mining/stratum sv2/buffer-sv2/src/buffer_pool/mod.rs (the Front payload lives in PoolFront).
public enum PoolMode
{
    Back,
    Front,
    Alloc,
}

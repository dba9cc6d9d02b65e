using BufferLab.Simulator.Engine.Systems.StratumV2;
using BufferLab.Simulator.Web.Components.Controls;
using BufferLab.Simulator.Web.Components.Pages;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Systems.Stratum;

/// <summary>One of the 8 slots as the slot map draws it.</summary>
public sealed record SlotCell(int Index, string Text, string Ids, bool BitSet, bool Duplicate, PoolMode? WrittenIn, SlotRecord Record, bool RecordStale)
{
    public bool Free => Ids.Length == 0;
}

using System.Diagnostics;

namespace BufferLab.Simulator.TestSupport;

/// <summary>What a process id read from a room's state folder (a pid file) stands for now.</summary>
public static class ProcessIds
{
    /// <summary>Whether a process with id <paramref name="pid"/> is running (one that exited, or never was, is not).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

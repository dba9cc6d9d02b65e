namespace BufferLab.Simulator.Web.Presenting;

/// <summary>A presenting request refused (an unknown code, a limit reached, not the presenter): its message says why and what to do.</summary>
public sealed class PresentingException(string message) : Exception(message);

namespace BufferLab.Simulator.Web.Sessions;

/// <summary>A request the session layer refuses: a bad argument, an unknown session, or a limit reached. The message says which and what to do.</summary>
public sealed class SessionRequestException(string message) : Exception(message);

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>The shared store (Redis) does not answer: presenting and following wait for it; solo sessions are not affected.</summary>
public sealed class PresentingUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

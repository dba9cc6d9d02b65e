namespace BufferLab.Simulator.Web.History;

/// <summary>A history request that was refused (bad input) or could not be done (the database is locked, full or unreadable); the message says which, for the page to show.</summary>
public sealed class RunHistoryException : Exception
{
    public RunHistoryException(string message)
        : base(message)
    {
    }

    public RunHistoryException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RunHistoryException()
    {
    }
}

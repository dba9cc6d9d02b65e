namespace BufferLab.Simulator.Web.History;

/// <summary>
/// The circuit's owner of saved runs: the key from the browser's <see cref="OwnerCookie"/>, read by
/// App.razor when the page was requested and handed to the circuit (Routes), as the theme is. Null
/// when there is none (a hub or test client without the cookie): such a client lists nothing and
/// its saves belong to nobody (openable by their link only).
/// </summary>
public sealed class RunOwner
{
    public string? Key { get; private set; }

    /// <summary>Takes <paramref name="key"/> if it is well formed; anything else leaves no owner.</summary>
    public void Set(string? key) => Key = HistoryKey.IsWellFormed(key) ? key : null;
}

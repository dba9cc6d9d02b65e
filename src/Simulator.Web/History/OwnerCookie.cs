namespace BufferLab.Simulator.Web.History;

/// <summary>
/// The cookie that says which browser saved a run: a random <see cref="HistoryKey"/>, issued by the
/// server on the first page a browser asks for, HttpOnly (no script reads it) and SameSite=Lax (no
/// other site's form or script sends it), kept 400 days (the longest browsers keep a cookie).
/// </summary>
public static class OwnerCookie
{
    public const string Name = "bufferlab.owner";

    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(400);

    /// <summary>The request's owner key; when it has none (or a malformed one), a new key, set on the response.</summary>
    public static string Ensure(HttpContext http)
    {
        string? sent = http.Request.Cookies[Name];
        if (HistoryKey.IsWellFormed(sent))
        {
            return sent!;
        }

        string key = HistoryKey.New();
        http.Response.Cookies.Append(Name, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = MaxAge,
            IsEssential = true, // it is what makes "your runs" yours; no tracking, never sent anywhere else
        });
        return key;
    }
}

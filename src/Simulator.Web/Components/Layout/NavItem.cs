using Microsoft.AspNetCore.Components.Routing;

namespace BufferLab.Simulator.Web.Components.Layout;

/// <summary>One page in the app bar and the narrow screens' drawer.</summary>
public sealed record NavItem(string Href, string Text, string TestId, NavLinkMatch Match = NavLinkMatch.Prefix)
{
    public static IReadOnlyList<NavItem> All { get; } =
    [
        new("/", "Home", "nav-home", NavLinkMatch.All),
        new("/stratum", "Stratum V2 pool", "nav-stratum"),
        // All: /fuse/mount is a page of its own, next in the list (All ignores the query string).
        new("/fuse", "FUSE buffers", "nav-fuse", NavLinkMatch.All),
        new("/fuse/mount", "Real mount", "nav-fuse-mount"),
        new("/keep", "Keepstore buffers", "nav-keep"),
        new("/filestore", "Filestore readers", "nav-filestore"),
        new("/scenarios", "Scenarios", "nav-scenarios"),
        new("/history", "History", "nav-history"),
    ];
}

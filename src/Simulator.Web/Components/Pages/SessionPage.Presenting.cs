using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Presenting;

namespace BufferLab.Simulator.Web.Components.Pages;

/// <summary>
/// A system page presenting or following: a presenter's page shows each view to its followers; a
/// follower's page follows the presenter's (seeking the runs it shares with this instance's other
/// followers, reopening on other options, moving to another page) and refuses its own controls until
/// "Explore from here" makes its runs its own again.
/// </summary>
public abstract partial class SessionPage<TViewModel>
{
    private string? _followCode; // the URL's ?follow=CODE: follow that presentation once the circuit runs
    private string? _resumeCode; // the URL's ?resume=CODE: this browser's presentation, resumed at this view
    private string? _applied; // the presenter's view shown last (path and query): a heartbeat that repeats it changes nothing

    /// <summary>When this tab presents, its followers see this view.</summary>
    private void ShowToFollowers()
    {
        if (Presenting.Presenting is not null && PageContext.View is { } view)
        {
            Presenting.Show(view);
        }
    }

    /// <summary>The URL asked to follow a presentation (a follow link led here): follow it, and show the presenter's view now.</summary>
    private async Task FollowFromUrlAsync()
    {
        if (_resumeCode is { } resume && PageContext.View is { } view)
        {
            await Presenting.ResumeAsync(resume, view);
            StateHasChanged();
        }

        if (_followCode is { } code && await Presenting.FollowAsync(code) is { } latest)
        {
            ApplyPresented(latest);
        }
        else if (_followCode is not null)
        {
            StateHasChanged(); // refused: the presenter bar says why
        }
    }

    /// <summary>The presentation this tab follows moved (or its state changed): show the presenter's view; once it no longer follows (explored away, or the presentation ended), the view's runs become its own again.</summary>
    private void OnPresentingChanged() => _ = InvokeAsync(() =>
    {
        if (Presenting.Following is { Latest.IsEnded: false } link)
        {
            ApplyPresented(link.Latest);
        }
        else if (Vm.SharedWith is not null)
        {
            // A private copy at the step shown: what the follower steps now moves no one else.
            Vm.SharedWith = null;
            Reload(Vm.QueryString);
            ShowResult();
        }
        else
        {
            StateHasChanged();
        }
    });

    /// <summary>
    /// Shows the presenter's view: the same page seeks its session (shared with this instance's other
    /// followers, so the first of them seeks and the rest find it there); other options reopen the
    /// view (joining the followers' runs); another page is navigated to.
    /// </summary>
    private void ApplyPresented(PresentedFrame presented)
    {
        bool joining = Vm.SharedWith != presented.Code;
        string view = presented.Path + "?" + presented.Query;
        if (presented.IsEnded || (!joining && view == _applied))
        {
            StateHasChanged();
            return;
        }

        _applied = view;
        if (!string.Equals(presented.Path, PagePath, StringComparison.Ordinal))
        {
            Navigation.NavigateTo($"{presented.Path}?{presented.Query}&follow={presented.Code}");
            return;
        }

        if (joining || !SameView(presented.Query, Vm.QueryString))
        {
            Vm.SharedWith = presented.Code;
            Reload(presented.Query);
        }
        else
        {
            Vm.Sync();
            if (Vm.Step != presented.Step)
            {
                Vm.SeekTo(presented.Step);
            }
        }

        ShowResult();
    }

    /// <summary>Opens <paramref name="query"/>'s view in place, keeping the sessions it shares with the view shown (as a prerender hands its sessions to the circuit).</summary>
    private void Reload(string query)
    {
        if (Vm.HandOver() is { } token)
        {
            Vm.TakeOver(token);
        }

        Load(ParseQuery(query));
        Vm.ReleaseUnclaimed();
    }

    /// <summary>Whether two views' queries differ only in their step.</summary>
    private static bool SameView(string a, string b)
    {
        static IEnumerable<KeyValuePair<string, string?>> WithoutStep(string query) =>
            ParseQuery(query).Where(p => p.Key is not ("step" or "follow")).OrderBy(p => p.Key, StringComparer.Ordinal);

        return WithoutStep(a).SequenceEqual(WithoutStep(b));
    }
}

using BufferLab.Simulator.Web.Presenting;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// The system page open in this circuit, for the controls every page shares (the timeline, the
/// share link, play backwards) without each page passing them along: the page attaches its view
/// model when it opens and detaches when it closes. One per circuit, cascaded to every component;
/// absent (null) when a component is rendered on its own.
/// </summary>
public sealed class SessionPageContext
{
    private object? _owner;
    private Action<Action>? _run;
    private Func<int, string>? _linkTo;
    private string? _path;

    /// <summary>The open page's view model, or null when no system page is open.</summary>
    public SessionViewModel? ViewModel { get; private set; }

    /// <summary>Attaches <paramref name="owner"/>'s view model; a later page replaces an earlier one.</summary>
    /// <param name="run">Runs a control action on the page and renders its result (the page's own Run).</param>
    /// <param name="linkTo">The absolute URL that opens the page's workload and view at a step.</param>
    /// <param name="path">The page's path ("/stratum").</param>
    public void Attach(object owner, SessionViewModel viewModel, Action<Action> run, Func<int, string> linkTo, string path)
    {
        _owner = owner;
        ViewModel = viewModel;
        _run = run;
        _linkTo = linkTo;
        _path = path;
    }

    /// <summary>Detaches <paramref name="owner"/>, unless a page opened since has replaced it (the old page closes after the new one opened).</summary>
    public void Detach(object owner)
    {
        if (ReferenceEquals(owner, _owner))
        {
            (_owner, ViewModel, _run, _linkTo, _path) = (null, null, null, null, null);
        }
    }

    /// <summary>Runs <paramref name="action"/> as the page's own controls do, so the page renders its result at once.</summary>
    public void Run(Action action)
    {
        if (_run is { } run)
        {
            run(action);
        }
        else
        {
            action();
        }
    }

    /// <summary>The view shown now, as a presentation shows it to followers (null when no page or session is open).</summary>
    public PresentedView? View => ViewModel is { Session: { } session } vm && _path is { } path ? new PresentedView(session, path, vm.QueryString, vm.Step) : null;

    /// <summary>The absolute URL of the view shown now (null when no page is attached).</summary>
    public string? CurrentLink => ViewModel is { } vm && _linkTo is { } link ? link(vm.Step) : null;
}

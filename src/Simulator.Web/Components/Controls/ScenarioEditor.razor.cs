using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace BufferLab.Simulator.Web.Components.Controls;

/// <summary>
/// Binds the editor's textarea to <see cref="ScenarioEditorViewModel"/> through js/editor.js. The
/// browser owns the text (Blazor never re-renders it, so typing is never overwritten); the server
/// reads it as a stream, not as an event argument, so a file of up to 1 MiB fits through the
/// circuit's 32 KiB messages.
/// </summary>
public sealed partial class ScenarioEditor : IAsyncDisposable
{
    private ElementReference _textarea;
    private ElementReference _gutter;
    private IJSObjectReference? _module;
    private IJSObjectReference? _binding;
    private DotNetObjectReference<ScenarioEditor>? _self;
    private readonly SemaphoreSlim _pulling = new(1, 1);

    /// <summary>
    /// The text the page opened with, rendered once so the prerendered page shows it; it never
    /// changes afterwards, so a re-render never writes over what the user typed since.
    /// </summary>
    private string? _initialText;

    [Parameter, EditorRequired]
    public ScenarioEditorViewModel Vm { get; set; } = null!;

    /// <summary>Where Run goes: the system page that runs the kept file.</summary>
    [Parameter]
    public EventCallback<string> OnRun { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    /// <summary>Puts the view model's text into the textarea (after Edit or an upload) and, when asked, the cursor in it.</summary>
    public async Task ShowAsync(bool focus)
    {
        if (_binding is not null)
        {
            await _binding.InvokeVoidAsync("setText", Vm.Text, focus);
            await MarkAsync();
        }
    }

    /// <summary>The browser's text changed and typing paused: read and validate it.</summary>
    [JSInvokable]
    public async Task OnTextChanged()
    {
        await PullAsync();
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        await _binding.DisposeQuietlyAsync("dispose");
        await _module.DisposeQuietlyAsync();

        _self?.Dispose();
        _pulling.Dispose();
    }

    protected override void OnInitialized() => _initialText = Vm.Text;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/editor.js");
            _binding = await _module.InvokeAsync<IJSObjectReference>("bind", _textarea, _gutter, _self, Vm.Text);
            await MarkAsync();
        }
    }

    private async Task ValidateAsync() => await PullAsync();

    private async Task RunAsync()
    {
        await PullAsync();
        if (Vm.IsValid && Vm.Run() is { } page)
        {
            await OnRun.InvokeAsync(page);
        }
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        IBrowserFile file = e.File;
        if (await Vm.UploadAsync(file.Name, file.Size, () => file.OpenReadStream(ScenarioLibrary.MaxTextBytes)))
        {
            await ShowAsync(focus: false);
        }
    }

    private async Task GoToAsync(ProblemView problem)
    {
        if (_binding is not null)
        {
            await _binding.InvokeVoidAsync("goTo", problem.Line, problem.Column);
        }
    }

    /// <summary>Reads the textarea's text (as UTF-8 bytes, streamed) and validates it; one read at a time, so each length goes with its bytes.</summary>
    private async Task PullAsync()
    {
        if (_binding is null)
        {
            return;
        }

        await _pulling.WaitAsync();
        try
        {
            long length = await _binding.InvokeAsync<long>("take");
            if (length > ScenarioLibrary.MaxTextBytes)
            {
                Vm.TooBig(length);
            }
            else if (length == 0)
            {
                Vm.Validate("");
            }
            else
            {
                await using IJSStreamReference bytes = await _binding.InvokeAsync<IJSStreamReference>("bytes");
                await using Stream stream = await bytes.OpenReadStreamAsync(ScenarioLibrary.MaxTextBytes);
                using var reader = new StreamReader(stream);
                Vm.Validate(await reader.ReadToEndAsync());
            }
        }
        finally
        {
            _pulling.Release();
        }

        await MarkAsync();
    }

    /// <summary>Marks the problems' lines in the gutter.</summary>
    private async Task MarkAsync()
    {
        if (_binding is not null)
        {
            await _binding.InvokeVoidAsync("mark", Vm.Problems.Select(p => p.Line).Distinct().ToArray());
        }
    }
}

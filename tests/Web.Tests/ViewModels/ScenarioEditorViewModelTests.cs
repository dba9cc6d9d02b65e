using System.Text;
using BufferLab.Simulator.Web.Sessions;
using BufferLab.Simulator.Web.Tests.Sessions;
using BufferLab.Simulator.Web.ViewModels;

namespace BufferLab.Simulator.Web.Tests.ViewModels;

public sealed class ScenarioEditorViewModelTests
{
    private readonly ScenarioLibrary _library = new();

    [Fact]
    public void EditLoadsAPresetAsWrittenAndItIsValid()
    {
        var editor = new ScenarioEditorViewModel(_library);

        Assert.True(editor.Edit("keep-zipf"));

        Assert.Equal(ScenarioTexts.Preset("keep-zipf"), editor.Text);
        Assert.Equal("keep-zipf.yaml", editor.FileName);
        Assert.True(editor.IsValid);
        Assert.Empty(editor.Problems);
        Assert.StartsWith("Valid: Zipf popularity (keep-zipf), a keep scenario.", editor.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkFromAPageLoadsTheFileWithItsSeedAndChoices()
    {
        var editor = new ScenarioEditorViewModel(_library);

        Assert.True(editor.Open(new Dictionary<string, string?> { ["scenario"] = "keep-zipf", ["seed"] = "4", ["mode"] = "legacy" }));

        Assert.Contains("seed: 4\n", editor.Text, StringComparison.Ordinal);
        Assert.Contains("mode: legacy\n", editor.Text, StringComparison.Ordinal);
        Assert.Contains("with seed 4", editor.Status, StringComparison.Ordinal);
        Assert.False(editor.Open(new Dictionary<string, string?> { ["scenario"] = "nope" }));
        Assert.StartsWith("Could not load that scenario: unknown scenario 'nope'", editor.Notice, StringComparison.Ordinal);
        Assert.Contains("mode: legacy\n", editor.Text, StringComparison.Ordinal); // unchanged
    }

    [Fact]
    public void ProblemsAreListedByLineAndColumnAndNothingRuns()
    {
        var editor = new ScenarioEditorViewModel(_library);

        editor.Validate(ScenarioTexts.BrokenKeep());

        Assert.False(editor.IsValid);
        Assert.Equal([(8, 9), (10, 15)], editor.Problems.Select(p => (p.Line, p.Column)));
        Assert.StartsWith("line 8, col 9 — options.mode: ", editor.Problems[0].Text, StringComparison.Ordinal);
        Assert.Equal("2 problems: nothing runs until they are fixed.", editor.Status);
        Assert.Null(editor.Run());
        Assert.Equal(0, _library.Count);
    }

    [Fact]
    public void AnEmptyEditorHasNoProblemsToShow()
    {
        var editor = new ScenarioEditorViewModel(_library);

        editor.Validate("  \n");

        Assert.True(editor.IsEmpty);
        Assert.Empty(editor.Problems);
        Assert.False(editor.IsValid);
        Assert.StartsWith("Empty.", editor.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void RunKeepsTheTextAndOpensItsPageWithItsSeedAndMode()
    {
        var editor = new ScenarioEditorViewModel(_library);
        string text = ScenarioTexts.KeepZipf(8, seed: 42);
        editor.Validate(text);

        string? page = editor.Run();

        string id = ScenarioLibrary.IdOf(text);
        Assert.Equal($"/keep?scenario={id}&seed=42&mode=current", page);
        Assert.Equal(text, _library.Find(id)?.Text);
    }

    [Fact]
    public async Task AnUploadedFileIsLoadedAndValidated()
    {
        var editor = new ScenarioEditorViewModel(_library);
        byte[] bytes = Encoding.UTF8.GetBytes(ScenarioTexts.BrokenKeep());

        Assert.True(await editor.UploadAsync("mine.yml", bytes.Length, () => new MemoryStream(bytes)));

        Assert.Equal("mine.yml", editor.FileName);
        Assert.Equal(2, editor.Problems.Count);
        Assert.Null(editor.Notice);
    }

    [Theory]
    [InlineData("big.yaml", ScenarioLibrary.MaxTextBytes + 1, "big.yaml has 1,048,577 bytes; the editor takes files of at most 1,048,576 bytes (1 MiB)")]
    [InlineData("notes.txt", 10, "notes.txt is not a .yaml or .yml file")]
    public async Task AFileTooBigOrNotYamlIsRefusedAndChangesNothing(string name, long size, string message)
    {
        var editor = new ScenarioEditorViewModel(_library);
        editor.Edit("readme-case1");
        bool opened = false;

        Assert.False(await editor.UploadAsync(name, size, () =>
        {
            opened = true;
            return new MemoryStream();
        }));

        Assert.False(opened);
        Assert.StartsWith(message, editor.Notice, StringComparison.Ordinal);
        Assert.Equal(("readme-case1.yaml", ScenarioTexts.Preset("readme-case1")), (editor.FileName, editor.Text));
    }

    [Theory]
    [InlineData(new byte[] { 0x6e, 0x61, 0xff, 0xfe, 0x0a }, "is not UTF-8 text")]
    [InlineData(new byte[] { 0x6e, 0x00, 0x61 }, "holds binary data")]
    public async Task AnUnreadableFileIsRefusedAndChangesNothing(byte[] bytes, string message)
    {
        var editor = new ScenarioEditorViewModel(_library);
        editor.Edit("readme-case1");

        Assert.False(await editor.UploadAsync("odd.yaml", bytes.Length, () => new MemoryStream(bytes)));

        Assert.Contains(message, editor.Notice, StringComparison.Ordinal);
        Assert.Equal("readme-case1.yaml", editor.FileName);
        Assert.True(editor.IsValid);
    }
}

using BufferLab.Simulator.Engine.Simulations.StratumV2;

namespace BufferLab.Simulator.Engine.Tests.StratumV2;

public class OpParserTests
{
    [Fact]
    public void ParsesEveryOpKindAndKeepsTheTokenText()
    {
        var ops = Sv2OpParser.ParseOps("  +1:5 w2:3 w2:4+g g3 -1,2 c3>9 ");

        Assert.Equal([Sv2OpKind.Message, Sv2OpKind.Chunk, Sv2OpKind.ChunkThenGet, Sv2OpKind.Get, Sv2OpKind.Drop, Sv2OpKind.Clone], ops.Select(o => o.Kind));
        Assert.Equal("+1:5 w2:3 w2:4+g g3 -1,2 c3>9", string.Join(' ', ops));
        Assert.Equal([1, 2], ops[4].DropIds);
        Assert.Equal(9, ops[5].CloneId);
    }

    [Theory]
    [InlineData("+1:5 +2", "column 6: '+2': expected ID:N")]
    [InlineData("+0:5", "column 1: '+0:5': ID must be a whole number from 1 to 1000000, got '0'")]
    [InlineData("+1:99999999", "N must be a whole number from 0 to 16777216")]
    [InlineData("x1", "expected +ID:N, wID:N, wID:N+g, gID, -ID[,ID...] or cID>NEWID")]
    [InlineData("-1,,2", "ID must be a whole number from 1 to 1000000, got ''")]
    [InlineData("+1:-5", "got '-5'")]
    public void RejectsMalformedTokensWithWhereAndWhat(string text, string message)
    {
        var error = Assert.Throws<Sv2ParseException>(() => Sv2OpParser.ParseOps(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+1:5 +1:5", "'+1:5': slice 1 is already live")]
    [InlineData("+1:5 -2", "'-2': slice 2 is not live")]
    [InlineData("+1:5 c1>1", "slice 1 is already live; a clone needs a new id")]
    public void ValidatorNamesTheFirstOpThatMisusesAnId(string text, string message)
    {
        var error = Sv2OpValidator.FindError(Sv2OpParser.ParseOps(text));
        Assert.NotNull(error);
        Assert.Equal(1, error.Value.Position);
        Assert.Contains(message, error.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidatorBoundsTheBytesAScriptWritesInAll()
    {
        var ops = Sv2OpParser.ParseOps(string.Join(' ', Enumerable.Repeat("w1:16777216", 5)));
        var error = Sv2OpValidator.FindError(ops);

        Assert.NotNull(error);
        Assert.Equal(4, error.Value.Position);
        Assert.Contains("more than 67108864 bytes in all", error.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScriptFileReadsHeadersAndIgnoresStateAfterTheBar()
    {
        var scripts = Sv2ScriptFile.Parse(new StringReader("# comment\n# script a cap=40\n+1:5 | anything\n\n-1\n# script b cap=8\nw2:1 | x\n"));

        Assert.Equal(["a", "b"], scripts.Select(s => s.Name));
        Assert.Equal([40, 8], scripts.Select(s => s.Capacity));
        Assert.Equal("+1:5 -1", string.Join(' ', scripts[0].Ops));
        Assert.Equal([3, 5], scripts[0].OpLines);
    }

    [Theory]
    [InlineData("+1:5\n", "line 1: op '+1:5' comes before any '# script NAME cap=N' line")]
    [InlineData("# script a cap=x\n", "line 1: cap must be a whole number")]
    [InlineData("# script a\n", "line 1: expected '# script NAME cap=N'")]
    [InlineData("# script a cap=4\n+1:4\n+2:zz | state\n", "line 3: '+2:zz': N must be")]
    [InlineData("# script a cap=99999999999\n", "line 1: cap must be")]
    public void ScriptFileErrorsNameTheLine(string text, string message)
    {
        var error = Assert.Throws<Sv2ParseException>(() => Sv2ScriptFile.Parse(new StringReader(text)));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

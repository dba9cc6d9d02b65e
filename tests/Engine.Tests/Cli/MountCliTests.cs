using static BufferLab.Simulator.Engine.Tests.Cli.CliRunner;

namespace BufferLab.Simulator.Engine.Tests.Cli;

/// <summary>`mount`'s options are checked before anything is mounted: one line naming the option, exit 2.</summary>
public sealed class MountCliTests
{
    [Theory]
    [InlineData("--bs: must be a multiple of 512 from 4KiB to 16MiB, got 3000", "--bs", "3000")]
    [InlineData("--total: must be a whole number of blocks (--bs) up to 256MiB, got 536870912", "--total", "512MiB")]
    [InlineData("--bs must be a size such as 4MiB, 128KiB or 1048576, got 'big'", "--bs", "big")]
    [InlineData("--mode must be one of master, vectored, contiguous-large, got 'fast'", "--mode", "fast")]
    [InlineData("--max-pages-limit: must be from 1 to 65535, got 0", "--max-pages-limit", "0")]
    [InlineData("--timeout: must be from 1 second to 1 hour, got 00:00:00", "--timeout", "0")]
    public void BadOptionsAreRefusedBeforeMounting(string message, params string[] args)
    {
        var (exit, output, error) = RunCli(["mount", .. args]);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"error: {message}", error.Trim());
    }
}

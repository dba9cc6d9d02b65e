using System.Globalization;
using System.Threading.Channels;
using BufferLab.Simulator.Engine.Remote;

namespace BufferLab.Simulator.Cli.Remote;

/// <summary>
/// `remote URL follow CODE`: follows a presentation through the hub, read-only. Prints the presenter's
/// page and step, then a line per step as the presenter moves (the same line `remote --follow` prints),
/// "presenter lost, retrying" when the heartbeats stop, and ends when the presenter ends it (exit 0),
/// at --frames or --seconds, or on Ctrl+C. A dropped connection reconnects (through a balancer, to a
/// live instance) and follows again.
/// </summary>
public static class RemoteFollowCommand
{
    public const string Usage = "remote URL follow CODE [--frames N] [--seconds S]";

    public static readonly string[] Options = ["--frames", "--seconds"];

    /// <summary>Without a heartbeat for this long the presenter is called lost (the server's LostAfter).</summary>
    private static readonly TimeSpan LostAfter = TimeSpan.FromSeconds(6);

    public static int Run(string url, CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Positional.Count != 1)
        {
            throw new CliException("usage: " + Usage + " (CODE: the short code the presenter reads out, or the follow link's code)");
        }

        Uri hub = RemoteConnection.HubAddress(url);
        string code = args.Positional[0];
        int frames = Number(args, "--frames", 1_000_000) ?? int.MaxValue;
        int? seconds = Number(args, "--seconds", 24 * 60 * 60);
        return Task.Run(() => FollowAsync(hub, code, frames, seconds, output, cancellationToken), CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task<int> FollowAsync(Uri hub, string code, int frames, int? seconds, TextWriter output, CancellationToken cancellationToken)
    {
        await using RemoteConnection connection = await RemoteConnection.ConnectAsync(hub, cancellationToken, reconnect: true).ConfigureAwait(false);
        var received = Channel.CreateUnbounded<PresentedFrame>();
        using IDisposable subscription = connection.On<PresentedFrame>(HubPaths.Presented, f => received.Writer.TryWrite(f));
        PresentedFrame first = await connection.InvokeAsync<PresentedFrame>("Follow", [code], cancellationToken).ConfigureAwait(false);
        string followed = first.Code;
        connection.OnReconnect(() => output.WriteLine("connection lost, reconnecting…"), async () =>
        {
            PresentedFrame again = await connection.InvokeAsync<PresentedFrame>("Follow", [followed], CancellationToken.None).ConfigureAwait(false);
            output.WriteLine($"following again at step {again.Step}");
        });

        output.WriteLine($"following {first.ShortCode}: {first.Path}?{first.Query}");
        output.WriteLine(Line(first));
        if (first.IsEnded)
        {
            output.WriteLine("the presenter ended this presentation");
            return 0;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connection.Lost);
        if (seconds is { } limit)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(limit));
        }

        int printed = 0;
        bool lost = false;
        long version = first.Version;
        while (printed < frames)
        {
            PresentedFrame? next = await ReadAsync(received.Reader, LostAfter, stop.Token).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                break;
            }

            if (next is null)
            {
                if (!lost)
                {
                    output.WriteLine("presenter lost, retrying");
                    lost = true;
                }

                continue;
            }

            lost = false;
            if (next.IsEnded)
            {
                output.WriteLine("the presenter ended this presentation");
                return 0;
            }

            if (next.Frame is not null && next.Version > version)
            {
                version = next.Version;
                output.WriteLine(Line(next));
                printed++;
            }
        }

        if (connection.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"the connection to {hub} was lost and did not come back within {FollowerRetryPolicy.GiveUpAfter.TotalMinutes:0} minutes", exitCode: 1);
        }

        return 0;
    }

    /// <summary>The presenter's step: the frame's line when it carries one, else the page's step.</summary>
    private static string Line(PresentedFrame presented) =>
        presented.Frame is { } frame ? RemoteCommand.FrameLine(frame) : $"step {presented.Step}";

    /// <summary>The next message, or null after <paramref name="quiet"/> without one (or when stopped).</summary>
    private static async Task<PresentedFrame?> ReadAsync(ChannelReader<PresentedFrame> reader, TimeSpan quiet, CancellationToken stop)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
        wait.CancelAfter(quiet);
        try
        {
            return await reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static int? Number(CliArguments args, string name, int max) =>
        args.Option(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1 && value <= max ? value
        : throw new CliException($"option '{name}' must be a whole number from 1 to {max}, got '{text}'");
}

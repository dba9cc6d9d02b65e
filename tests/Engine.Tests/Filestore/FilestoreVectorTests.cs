using System.Net;
using System.Net.Sockets;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Tests.Filestore;

/// <summary>B1-B13 from spec §4.9, for both readers (TestBasicFilestore runs for "default" and "mmap").</summary>
public class FilestoreVectorTests
{
    public static TheoryData<ReaderKind> Readers => [ReaderKind.Std, ReaderKind.Mmap];

    private static T Throws<T>(Action action) where T : Exception => Assert.Throws<T>(action);

    [Theory]
    [MemberData(nameof(Readers))]
    public void B1_EveryBlockReadsBackItsBytes(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(t.Data.AsSpan(i * 10, 10).ToArray(), t.Manager.Get(t.Cids[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void B2_AllKeysAreExactlyTheHundredRawCids(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);

        Assert.Equal(t.Cids.Select(c => c.ToString()).Order(StringComparer.Ordinal), t.Manager.AllKeys().Select(c => c.ToString()).Order(StringComparer.Ordinal));
        Assert.All(t.Manager.AllKeys(), c => Assert.StartsWith("bafkrei", c.ToString(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void B3_AFileCutInsideTheLastBlockIsChanged(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);
        t.Truncate(995);

        var e = Throws<CorruptReferenceException>(() => t.Manager.Get(t.Cids[99]));
        Assert.Equal(FilestoreStatus.FileChanged, e.Code);
        Assert.Equal("EOF", e.Message);
    }

    [Theory]
    [InlineData(ReaderKind.Std, FilestoreStatus.FileChanged, "EOF")]
    [InlineData(ReaderKind.Mmap, FilestoreStatus.FileError, "mmap: invalid ReadAt offset 950")]
    public void B4_AFileCutBeforeTheBlockDivergesBetweenReaders(ReaderKind reader, FilestoreStatus status, string message)
    {
        using var t = new FilestoreFixture(reader);
        t.Truncate(900);

        var e = Throws<CorruptReferenceException>(() => t.Manager.Get(t.Cids[95]));
        Assert.Equal(status, e.Code);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void B5_ChangedBytesFailTheCidCheck(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);
        using (var file = new FileStream(t.FilePath, FileMode.Open, FileAccess.Write))
        {
            file.WriteByte((byte)(t.Data[0] ^ 0xFF));
        }

        var e = Throws<CorruptReferenceException>(() => t.Manager.Get(t.Cids[0]));
        Assert.Equal(FilestoreStatus.FileChanged, e.Code);
        Assert.Equal("data in file did not match. T offset 0", e.Message);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void B6_B7_B8_ADeletedFileIsNotFoundButSizeAndHasStillAnswer(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);
        File.Delete(t.FilePath);

        Assert.Equal(FilestoreStatus.FileNotFound, Throws<CorruptReferenceException>(() => t.Manager.Get(t.Cids[3])).Code);
        Assert.Equal(10, t.Manager.GetSize(t.Cids[3]));
        Assert.True(t.Manager.Has(t.Cids[3]));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void B9_FilesNotAllowedIsNotEnabled(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);
        t.Manager.AllowFiles = false;

        Assert.Equal(FilestoreErrors.FilestoreNotEnabled, Throws<FilestoreException>(() => t.Manager.Get(t.Cids[0])).Message);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void B10_AReferenceOutsideTheRootIsRefused(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);

        var e = Throws<FilestoreException>(() => t.Manager.Put(new FilestoreNode(t.Cids[0], "/elsewhere/T", 0, 10)));
        Assert.Equal($"cannot add filestore references outside ipfs root ({t.Root})", e.Message);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void B11_DeletingTwiceIsNotFound(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);
        t.Manager.DeleteBlock(t.Cids[5]);

        Assert.Same(t.Cids[5], Throws<BlockNotFoundException>(() => t.Manager.DeleteBlock(t.Cids[5])).Cid);
        Assert.True(File.Exists(t.FilePath));
    }

    [Theory]
    [InlineData(ReaderKind.Std, FilestoreStatus.FileChanged, "changed")]
    [InlineData(ReaderKind.Mmap, FilestoreStatus.FileError, "error")]
    public void B12_VerifyAfterB4ReportsEachReadersStatus(ReaderKind reader, FilestoreStatus status, string text)
    {
        using var t = new FilestoreFixture(reader);
        t.Truncate(900);
        ListResult result = t.Manager.Verify(t.Cids[95]);

        Assert.Equal(status, result.Status);
        Assert.Equal(text, result.StatusText);
        Assert.Equal(FilestoreStatus.Ok, t.Manager.Verify(t.Cids[10]).Status);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void B13_AUrlWhoseServerSendsAShortBodyIsChanged(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);
        t.Manager.AllowUrls = true;
        using var server = ShortBodyServer(out string url);
        t.Manager.Put(new FilestoreNode(t.Cids[1], url, 10, 10));

        var e = Throws<CorruptReferenceException>(() => t.Manager.Get(t.Cids[1]));
        Assert.Equal(FilestoreStatus.FileChanged, e.Code);
    }

    [Fact]
    public void TheEmptyRawBlockHasItsWellKnownCid()
    {
        Assert.Equal("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Cid.Of([]).ToString());
    }

    [Fact]
    public void DataObjRoundTripsThroughItsProtobufForm()
    {
        var obj = new DataObj("data/blocks.bin", 5_000_000_000, 262_144);
        byte[] wire = DataObjCodec.Encode(obj);

        Assert.Equal(obj, DataObjCodec.Decode(wire));
        Assert.Equal(0x0A, wire[0]); // field 1, length-delimited
        Assert.Throws<FormatException>(() => DataObjCodec.Decode(wire.AsSpan(0, 5)));
    }

    [Fact]
    public void AFileTruncatedUnderALiveMappingIsAnErrorNotACrash()
    {
        using var t = new FilestoreFixture(ReaderKind.Mmap);
        using MmapReader reader = MmapReader.Open(t.FilePath);
        t.Truncate(100);
        byte[] buffer = new byte[10];

        Assert.Equal((0, MmapReader.TruncatedUnderMapping), reader.ReadAt(buffer, 950));
        Assert.Equal((10, (string?)null), reader.ReadAt(buffer, 50));
        Assert.Equal(t.Data.AsSpan(50, 10).ToArray(), buffer);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void AnEmptyFileReadsAsEmpty(ReaderKind reader)
    {
        string path = Path.Combine(Path.GetTempPath(), $"bufferlab-empty-{Guid.NewGuid():N}");
        File.WriteAllBytes(path, []);
        try
        {
            using IFileReader fileReader = reader == ReaderKind.Mmap ? MmapReader.Open(path) : StdReader.Open(path);
            Assert.Equal((0, (string?)null), fileReader.ReadAt([], 0));
            Assert.Equal((0, IFileReader.Eof), fileReader.ReadAt(new byte[1], 0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A real HTTP server on a free port that answers 200 with 3 bytes whatever the range asked.</summary>
    private static HttpListener ShortBodyServer(out string url)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                try
                {
                    HttpListenerContext context = await listener.GetContextAsync();
                    context.Response.StatusCode = 200;
                    await context.Response.OutputStream.WriteAsync(new byte[] { 1, 2, 3 });
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
        url = $"http://127.0.0.1:{port}/T";
        return listener;
    }
}

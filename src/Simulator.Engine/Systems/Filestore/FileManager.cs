using System.Net;
using System.Net.Http.Headers;

using BufferLab.Simulator.Engine.Simulation.Checkpoints;

namespace BufferLab.Simulator.Engine.Systems.Filestore;

/// <summary>
/// Mirrors filestore/fsrefstore.go (boxo @8df89a787fac, with PR #665): references to blocks that
/// live in files under a root (or at URLs), kept in a datastore under /filestore, read back through
/// a FileReader made per block read, each block checked against its CID.
/// </summary>
public sealed class FileManager
{
    public const string Prefix = "/filestore/";

    private static readonly HttpClient DefaultHttp = new();
    private readonly SqliteDatastore _ds;

    public FileManager(SqliteDatastore ds, string root, params Action<FileManager>[] options)
    {
        _ds = ds;
        Root = root;
        MakeReader = path => StdReader.Open(path);
        foreach (Action<FileManager> option in options)
        {
            option(this);
        }
    }

    public bool AllowFiles { get; set; }

    public bool AllowUrls { get; set; }

    [field: MachineValue]
    public string Root { get; }

    /// <summary>newStdReader unless an option says otherwise.</summary>
    public Func<string, IFileReader> MakeReader { get; private set; }

    /// <summary>The client URL references are fetched with (http.DefaultClient upstream).</summary>
    public HttpClient Http { get; set; } = DefaultHttp;

    public static Action<FileManager> WithMMapReader() => f => f.MakeReader = path => MmapReader.Open(path);

    public static Action<FileManager> WithStdReader() => f => f.MakeReader = path => StdReader.Open(path);

    public static Action<FileManager> WithReader(ReaderKind kind) => kind == ReaderKind.Mmap ? WithMMapReader() : WithStdReader();

    /// <summary>dshelp.MultihashToDsKey under the filestore namespace.</summary>
    public static string KeyOf(Cid cid) => Prefix + Base32.Encode(cid.Multihash);

    /// <summary>Get: the reference, then the bytes read back and checked.</summary>
    public byte[] Get(Cid cid)
    {
        DataObj reference = GetDataObj(cid);
        if (IsUrl(reference.FilePath))
        {
            return ReadUrl(cid, reference);
        }

        using OpenedBlock opened = Open(cid, reference);
        return Read(opened);
    }

    /// <summary>getDataObj: the stored reference, or ipld.ErrNotFound.</summary>
    public DataObj GetDataObj(Cid cid) => _ds.Get(KeyOf(cid)) is { } value ? DataObjCodec.Decode(value) : throw new BlockNotFoundException(cid);

    /// <summary>readFileDataObj up to makeReader: AllowFiles, then open (or map) the file; a missing file is StatusFileNotFound.</summary>
    public OpenedBlock Open(Cid cid, DataObj reference)
    {
        if (!AllowFiles)
        {
            throw new FilestoreException(FilestoreErrors.FilestoreNotEnabled);
        }

        string path = Path.Join(Root, reference.FilePath.Replace('/', Path.DirectorySeparatorChar));
        try
        {
            return new OpenedBlock(cid, reference, MakeReader(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CorruptReferenceException(FilestoreStatus.FileNotFound, $"open {path}: no such file or directory");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorruptReferenceException(FilestoreStatus.FileError, e.Message);
        }
    }

    /// <summary>The rest of readFileDataObj: one Size-byte heap buffer, ReadAt at Offset, the CID check.</summary>
    public static byte[] Read(OpenedBlock opened)
    {
        DataObj reference = opened.Reference;
        byte[] outbuf = new byte[reference.Size];
        (_, string? error) = opened.Reader.ReadAt(outbuf, unchecked((long)reference.Offset));
        if (error == IFileReader.Eof)
        {
            throw new CorruptReferenceException(FilestoreStatus.FileChanged, error);
        }

        if (error is not null)
        {
            throw new CorruptReferenceException(FilestoreStatus.FileError, error);
        }

        Check(opened.Cid, outbuf, reference);
        return outbuf;
    }

    /// <summary>Has: the datastore only; the file is not looked at.</summary>
    public bool Has(Cid cid) => _ds.Has(KeyOf(cid));

    /// <summary>GetSize: the reference's Size, even when the file is gone.</summary>
    public int GetSize(Cid cid) => (int)GetDataObj(cid).Size;

    /// <summary>DeleteBlock: the reference only; the file is untouched.</summary>
    public void DeleteBlock(Cid cid)
    {
        if (!_ds.Delete(KeyOf(cid)))
        {
            throw new BlockNotFoundException(cid);
        }
    }

    /// <summary>AllKeysChan: every referenced block as CIDv1 raw.</summary>
    public IReadOnlyList<Cid> AllKeys() => [.. _ds.Keys(Prefix).Select(k => new Cid(Base32.Decode(k[Prefix.Length..])))];

    /// <summary>Put: a reference to a file under the root (made relative) or, with AllowUrls, a URL. The reference is not checked.</summary>
    public void Put(FilestoreNode node)
    {
        string filePath;
        if (IsUrl(node.FullPath))
        {
            if (!AllowUrls)
            {
                throw new FilestoreException(FilestoreErrors.UrlstoreNotEnabled);
            }

            filePath = node.FullPath;
        }
        else
        {
            if (!AllowFiles)
            {
                throw new FilestoreException(FilestoreErrors.FilestoreNotEnabled);
            }

            if (!node.FullPath.StartsWith(Root, StringComparison.Ordinal))
            {
                throw new FilestoreException($"cannot add filestore references outside ipfs root ({Root})");
            }

            filePath = Path.GetRelativePath(Root, node.FullPath).Replace(Path.DirectorySeparatorChar, '/');
        }

        _ds.Put(KeyOf(node.Cid), DataObjCodec.Encode(new DataObj(filePath, node.Offset, node.Size)));
    }

    /// <summary>util.go's Verify for one key: the status of reading it back, never an exception.</summary>
    public ListResult Verify(Cid cid)
    {
        DataObj? reference = null;
        try
        {
            reference = GetDataObj(cid);
            _ = Get(cid);
            return new ListResult(FilestoreStatus.Ok, "", cid, reference.FilePath, reference.Offset, reference.Size);
        }
        catch (Exception e) when (e is BlockNotFoundException or CorruptReferenceException or FilestoreException or FormatException)
        {
            return new ListResult(FilestoreErrors.StatusOf(e), e.Message, cid, reference?.FilePath ?? "", reference?.Offset ?? 0, reference?.Size ?? 0);
        }
    }

    /// <summary>IsURL: begins with http:// or https://.</summary>
    public static bool IsUrl(string path) => path.StartsWith("http://", StringComparison.Ordinal) || path.StartsWith("https://", StringComparison.Ordinal);

    /// <summary>
    /// The check after a read (fsrefstore.go readFileDataObj and readURLDataObj): the bytes hashed with
    /// the key's own multihash prefix (origCid.Prefix().Sum(outbuf)), not a fixed hash; a Sum error
    /// is a plain error (StatusOtherError in List and Verify), a different CID is StatusFileChanged.
    /// </summary>
    private static void Check(Cid cid, byte[] data, DataObj reference)
    {
        if (!cid.Prefix().Sum(data).Equals(cid))
        {
            throw new CorruptReferenceException(FilestoreStatus.FileChanged, $"data in file did not match. {reference.FilePath} offset {reference.Offset}");
        }
    }

    /// <summary>readURLDataObj: a ranged GET, 200 or 206 expected, then ReadFull of Size bytes and the CID check.</summary>
    private byte[] ReadUrl(Cid cid, DataObj reference)
    {
        if (!AllowUrls)
        {
            throw new FilestoreException(FilestoreErrors.UrlstoreNotEnabled);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, reference.FilePath);
        request.Headers.Range = new RangeHeaderValue((long)reference.Offset, (long)(reference.Offset + reference.Size - 1));
        HttpResponseMessage response;
        try
        {
            response = Http.Send(request);
        }
        catch (HttpRequestException e)
        {
            throw new CorruptReferenceException(FilestoreStatus.FileError, e.Message);
        }

        using (response)
        {
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent))
            {
                throw new CorruptReferenceException(FilestoreStatus.FileError, $"expected HTTP 200 or 206 got {(int)response.StatusCode}");
            }

            byte[] outbuf = new byte[reference.Size];
            using Stream body = response.Content.ReadAsStream();
            int total = 0;
            while (total < outbuf.Length)
            {
                int n = body.Read(outbuf, total, outbuf.Length - total);
                if (n == 0)
                {
                    throw new CorruptReferenceException(FilestoreStatus.FileChanged, total == 0 ? "EOF" : "unexpected EOF");
                }

                total += n;
            }

            Check(cid, outbuf, reference);
            return outbuf;
        }
    }
}

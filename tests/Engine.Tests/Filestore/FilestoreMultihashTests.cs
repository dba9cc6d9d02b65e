using System.Text;
using BufferLab.Simulator.Engine.Systems.Filestore;

namespace BufferLab.Simulator.Engine.Tests.Filestore;

/// <summary>
/// The CID check with the key's own multihash prefix, as fsrefstore.go does it
/// (readFileDataObj: origCid := cid.NewCidV1(cid.Raw, m); outcid, err := origCid.Prefix().Sum(outbuf)),
/// with keys that are not sha2-256.
/// </summary>
public class FilestoreMultihashTests
{
    public static TheoryData<ReaderKind> Readers => [ReaderKind.Std, ReaderKind.Mmap];

    [Fact]
    public void CidsOfOtherMultihashesHaveTheirWellKnownForms()
    {
        Assert.Equal("bafkqablimvwgy3y", Cid.Of(Encoding.ASCII.GetBytes("hello"), Multihash.Identity).ToString());
        Assert.Equal("bafkrgqgpqpqtk7xpxc67cvbikdlg3aah2yqoibilk4k5za7uveq5g3hjzzd5buj4lwc7fmh7qmmnfb365qxwhojrxvduc6ubuu4de6xze7nd4", Cid.Of([], Multihash.Sha512).ToString());
        Assert.Equal(new CidPrefix(Multihash.Sha512, 64), Cid.Of([], Multihash.Sha512).Prefix());
        Assert.Equal([0xd5, 0x01, 0x10], Cid.Of([], Multihash.Md5).Multihash.AsSpan(0, 3).ToArray()); // md5's code 0xd5 is a two-byte varint
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void ABlockKeyedBySha512OrIdentityReadsBackAndVerifies(ReaderKind reader)
    {
        using var t = new FilestoreFixture(reader);
        Cid sha512 = Cid.Of(t.Data.AsSpan(0, 10), Multihash.Sha512);
        Cid identity = Cid.Of(t.Data.AsSpan(10, 10), Multihash.Identity);
        Cid truncated = Cid.Of(t.Data.AsSpan(20, 10), Multihash.Sha256, length: 20); // the prefix keeps the digest length too
        t.Manager.Put(new FilestoreNode(sha512, t.FilePath, 0, 10));
        t.Manager.Put(new FilestoreNode(identity, t.FilePath, 10, 10));
        t.Manager.Put(new FilestoreNode(truncated, t.FilePath, 20, 10));

        Assert.Equal(t.Data.AsSpan(0, 10).ToArray(), t.Manager.Get(sha512));
        Assert.Equal(t.Data.AsSpan(10, 10).ToArray(), t.Manager.Get(identity));
        Assert.Equal(t.Data.AsSpan(20, 10).ToArray(), t.Manager.Get(truncated));
        Assert.All(new[] { sha512, identity, truncated }, c => Assert.Equal(FilestoreStatus.Ok, t.Manager.Verify(c).Status));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void ChangedBytesUnderASha512KeyAreStatusFileChanged(ReaderKind reader)
    {
        // fsrefstore.go readFileDataObj: !origCid.Equals(outcid) is CorruptReferenceError{StatusFileChanged, "data in file did not match. …"}
        using var t = new FilestoreFixture(reader);
        Cid sha512 = Cid.Of(t.Data.AsSpan(0, 10), Multihash.Sha512);
        t.Manager.Put(new FilestoreNode(sha512, t.FilePath, 10, 10)); // points at other bytes

        var e = Assert.Throws<CorruptReferenceException>(() => t.Manager.Get(sha512));
        Assert.Equal(FilestoreStatus.FileChanged, e.Code);
        Assert.StartsWith("data in file did not match.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyWhoseHashIsNotRegisteredIsAnOtherErrorNotAChangedFile()
    {
        // fsrefstore.go readFileDataObj: a Sum error is returned as it is (not a CorruptReferenceError), so util.go lists it as StatusOtherError
        using var t = new FilestoreFixture(ReaderKind.Std);
        var unregistered = new Cid(Multihash.Encode(new byte[32], 0x7_ff00)); // no multicodec table entry, so no hasher upstream either
        t.Manager.Put(new FilestoreNode(unregistered, t.FilePath, 0, 10));

        ListResult result = t.Manager.Verify(unregistered);
        Assert.Equal(FilestoreStatus.OtherError, result.Status);
        Assert.Equal(Multihash.ErrSumNotSupported, result.ErrorMessage);
    }

    [Fact]
    public void ALengthLongerThanTheDigestIsErrLenTooLarge()
    {
        var e = Assert.Throws<FilestoreException>(() => new CidPrefix(Multihash.Sha256, 40).Sum([1, 2, 3]));
        Assert.Equal(Multihash.ErrLenTooLarge, e.Message);
    }
}

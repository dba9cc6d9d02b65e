using BufferLab.Simulator.Web.Room;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace BufferLab.Simulator.Web.Tests.Room;

/// <summary>What BufferLab:Room takes, what it derives, and how a bad value stops the start.</summary>
public sealed class RoomOptionsTests
{
    private static RoomOptions Read(params (string Key, string Value)[] settings) =>
        RoomOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void WithoutRedisTheInstanceRunsAloneAsSolo()
    {
        RoomOptions room = Read();

        Assert.False(room.IsShared);
        Assert.Null(room.Redis);
        Assert.Equal("solo", room.Instance);
        Assert.False(Read(("BufferLab:Room:Redis", "  ")).IsShared);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5191", "5191")]
    [InlineData("http://127.0.0.1:5192/;http://[::1]:6000", "5192")]
    [InlineData("http://*:80", "80")]
    [InlineData("http://127.0.0.1:0", "solo")]
    [InlineData("http://127.0.0.1", "solo")]
    public void TheDefaultNameIsTheListeningPort(string urls, string instance) =>
        Assert.Equal(instance, Read(("urls", urls), ("BufferLab:Room:Redis", "127.0.0.1:6390")).Instance);

    [Fact]
    public void AConfiguredNameWins()
    {
        RoomOptions room = Read(("urls", "http://127.0.0.1:5191"), ("BufferLab:Room:Redis", "127.0.0.1:6390"), ("BufferLab:Room:Instance", " node-2.a_b "));

        Assert.True(room.IsShared);
        Assert.Equal("127.0.0.1:6390", room.Redis);
        Assert.Equal("node-2.a_b", room.Instance);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("zürich")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")] // 33 characters
    public void ANameThatCannotGoInAHeaderStopsTheStart(string instance)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Read(("BufferLab:Room:Instance", instance)));

        Assert.Contains("BufferLab:Room:Instance is", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 32 letters, digits, '.', '_' or '-'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:6379,nonsense=1", "nonsense")]
    [InlineData("abortConnect=false", "names no server")]
    public void ARedisStringStackExchangeRedisCannotReadStopsTheStart(string redis, string problem)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Read(("BufferLab:Room:Redis", redis)));

        Assert.StartsWith("BufferLab:Room:Redis could not be read (", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Contains("such as 127.0.0.1:6379", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheErrorNeverRepeatsAPassword()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Read(("BufferLab:Room:Redis", "127.0.0.1:6379,password=hunter2,bogus=1")));

        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverlongRedisStringIsRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Read(("BufferLab:Room:Redis", "127.0.0.1:6379," + new string('x', 1100))));

        Assert.Contains("more than the 1024 a connection string may have", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConnectionNeverStopsTheStartAndFailsFastWhileRedisIsDown()
    {
        ConfigurationOptions options = Read(("BufferLab:Room:Redis", "127.0.0.1:6390,connectTimeout=30000"), ("BufferLab:Room:Instance", "a")).ConnectOptions();

        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(2000, options.ConnectTimeout);
        Assert.Same(BacklogPolicy.FailFast, options.BacklogPolicy);
        Assert.Equal("bufferlab", options.ChannelPrefix.ToString());
        Assert.Equal("bufferlab-a", options.ClientName);
        Assert.Equal("127.0.0.1:6390", Assert.Single(options.EndPoints).ToString());
    }
}

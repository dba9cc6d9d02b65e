using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>
/// A minimal SignalR client speaking the JSON hub protocol over a TestServer WebSocket: handshake,
/// invocations and their completions. (The .NET SignalR client package is not in the registry here.)
/// </summary>
internal sealed class RawSignalRClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebSocket _socket;
    private readonly StringBuilder _pending = new();
    private int _invocationId;

    private RawSignalRClient(WebSocket socket) => _socket = socket;

    public static async Task<RawSignalRClient> ConnectAsync(TestServer server, string path)
    {
        WebSocket socket = await server.CreateWebSocketClient().ConnectAsync(new Uri(server.BaseAddress, path.TrimStart('/')), CancellationToken.None);
        var client = new RawSignalRClient(socket);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        JsonObject handshake = await client.ReceiveAsync();
        if (handshake.ContainsKey("error"))
        {
            throw new InvalidOperationException($"handshake refused: {handshake}");
        }

        return client;
    }

    /// <summary>Invokes <paramref name="target"/>; returns (result, error) from the completion message.</summary>
    public async Task<(JsonNode? Result, string? Error)> InvokeAsync(string target, params object?[] arguments)
    {
        string id = (++_invocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }, Json));
        while (true)
        {
            JsonObject message = await ReceiveAsync();
            if (message["type"]?.GetValue<int>() == 3 && message["invocationId"]?.GetValue<string>() == id)
            {
                return (message["result"], message["error"]?.GetValue<string>());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        _socket.Dispose();
    }

    private Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task<JsonObject> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[16 * 1024];
        while (true)
        {
            string text = _pending.ToString();
            int end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return JsonNode.Parse(text[..end])!.AsObject();
            }

            WebSocketReceiveResult received = await _socket.ReceiveAsync(buffer, timeout.Token);
            _pending.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }
}

using BufferLab.Simulator.Engine.Remote;
using BufferLab.Simulator.Web.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace BufferLab.Simulator.Web.Tests.Hubs;

/// <summary>Microsoft's SignalR .NET client, connected over a WebSocket to the real app in a TestServer.</summary>
internal static class HubClient
{
    public static async Task<HubConnection> ConnectAsync(WebApplicationFactory<Program> factory)
    {
        TestServer server = factory.Server;
        HubConnection connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, SimulationHub.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) => await server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public static async Task<string> OpenAsync(this HubConnection connection, object request) =>
        (await connection.InvokeAsync<SessionInfo>("Open", request)).SessionId;

    /// <summary>The message of the HubException a refused call throws (after the client's "… HubException: " prefix).</summary>
    public static async Task<string> RefusedAsync(this HubConnection connection, string method, params object?[] args)
    {
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => connection.InvokeCoreAsync(method, args));
        return refused.Message;
    }

    /// <summary>Seeks the session to its last step and answers the event log's SHA-256 from Status.</summary>
    public static async Task<string> HashAtEndAsync(this HubConnection connection, object request)
    {
        SessionInfo info = await connection.InvokeAsync<SessionInfo>("Open", request);
        await connection.InvokeAsync("Seek", info.SessionId, info.LastStep);
        SessionStatus status = await connection.InvokeAsync<SessionStatus>("Status", info.SessionId);
        Assert.True(status.Finished);
        await connection.InvokeAsync("Close", info.SessionId);
        return status.EventLogSha256!;
    }
}

using System.Text.Json;
using Microsoft.Playwright;

namespace BufferLab.Simulator.E2E;

/// <summary>A browser-side @microsoft/signalr client (from npm, served by the app) drives the hub and receives frames.</summary>
[Collection(BrowserTests.Name)]
public sealed class HubStreamingTests(BrowserFixture browser)
{
    private const string Client = """
        async ({ steps }) => {
          const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/simulation').build();
          await connection.start();
          const info = await connection.invoke('Open', { scenario: 'readme-case3', seed: 1 });
          const frames = [];
          const done = new Promise((resolve, reject) => {
            connection.stream('Frames', info.sessionId).subscribe({
              next: frame => { frames.push(frame); if (frame.step === steps) resolve(); },
              error: reject,
              complete: resolve,
            });
          });
          for (let i = 0; i < steps; i++) await connection.invoke('Step', info.sessionId, 1);
          await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('no frame for the last step')), 10000))]);
          let refused = null;
          try { await connection.invoke('Seek', info.sessionId, 999); } catch (e) { refused = e.message; }
          await connection.stop();
          const last = frames[frames.length - 1];
          return JSON.stringify({ info, count: frames.length, step: last.step, map: last.snapshot.slotMapText, events: frames.reduce((n, f) => n + f.events.length, 0), refused });
        }
        """;

    [Fact]
    public async Task ABrowserClientOpensASessionStepsItAndReceivesFrames()
    {
        IPage page = await browser.OpenAsync("/", interactive: false);
        await page.AddScriptTagAsync(new() { Url = "/lib/signalr/signalr.min.js" });

        string json = await page.EvaluateAsync<string>(Client, new { steps = 14 });
        using JsonDocument result = JsonDocument.Parse(json);
        JsonElement root = result.RootElement;

        Assert.Equal(14, root.GetProperty("info").GetProperty("lastStep").GetInt32());
        Assert.Equal(14, root.GetProperty("step").GetInt32());
        Assert.Equal("9a3456bc BACK MODE", root.GetProperty("map").GetString());
        Assert.InRange(root.GetProperty("count").GetInt32(), 2, 15);
        Assert.True(root.GetProperty("events").GetInt32() >= 14, json);
        Assert.Contains("step must be from 0 to 14, got 999", root.GetProperty("refused").GetString(), StringComparison.Ordinal);
        await page.CloseAsync();
    }
}

namespace BufferLab.Simulator.Web.Tests.Presenting;

/// <summary>Waits for what other threads (heartbeats, Redis, a CLI) make true.</summary>
internal static class Eventually
{
    public static async Task Until(Func<bool> condition, string what = "the condition", int seconds = 15)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not come true within {seconds} s");
            await Task.Delay(20);
        }
    }
}

using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Benchmarks;

/// <summary>
/// A measuring follower reconnects as the CLI's follower does (FollowerRetryPolicy: at once, then
/// every half second), but gives up after <see cref="GiveUpAfter"/>, past the kill test's 30 s window
/// in which a follower that saw no frame counts as lost, so a run stays bounded.
/// </summary>
internal sealed class FollowerReconnectPolicy : IRetryPolicy
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(45);

    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        retryContext.ElapsedTime >= GiveUpAfter ? null : retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(500);
}

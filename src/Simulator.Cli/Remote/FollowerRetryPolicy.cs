using Microsoft.AspNetCore.SignalR.Client;

namespace BufferLab.Simulator.Cli.Remote;

/// <summary>A follower retries at once, then every half second for two minutes (a presentation's grace period): an instance that died is replaced by the balancer's next one within a retry or two.</summary>
public sealed class FollowerRetryPolicy : IRetryPolicy
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        retryContext.ElapsedTime >= GiveUpAfter ? null : retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(500);
}

using BufferLab.Simulator.Engine.Remote;

namespace BufferLab.Simulator.Web.Presenting;

/// <summary>One presentation in <see cref="MemoryPresentationStore"/> (guarded by the store's lock).</summary>
internal sealed class MemoryPresentation(PresentedFrame latest, string presenter, DateTimeOffset expires)
{
    /// <summary>Quizzes kept behind the one answered last.</summary>
    public const int QuizStepsKept = 16;

    public PresentedFrame Latest { get; set; } = latest;

    public string Presenter { get; } = presenter;

    public DateTimeOffset Expires { get; set; } = expires;

    public Dictionary<string, (int Count, DateTimeOffset Fresh)> Followers { get; } = new(StringComparer.Ordinal);

    public List<(int Step, string Follower, QuizAnswer Answer)> Answers { get; } = [];
}

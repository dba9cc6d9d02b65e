namespace BufferLab.Simulator.Web.Presenting;

/// <summary>One follower's prediction for a step: the pool's next mode and, optionally, its next 8-character slot map. No name: the follower is a random id that lives as long as its page.</summary>
public sealed record QuizAnswer(string Mode, string? Map);

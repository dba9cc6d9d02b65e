namespace BufferLab.Simulator.Engine.Remote;

/// <summary>What Present answers: the unguessable code for the follow link (<see cref="FollowPath"/>) and the short code to read aloud.</summary>
public sealed record PresentationInfo(string Code, string ShortCode, string FollowPath);

namespace MayorsNetwork.Web.Services;

/// <summary>What one daily run did.</summary>
public sealed record LifecycleReport(int Reminders, int ToGrace, int ToLapsed);

namespace MayorsNetwork.Domain.Resolutions;

/// <summary>A move the resolution flow does not allow (<see cref="ResolutionStatusText.CanMove"/>).</summary>
public sealed class InvalidResolutionTransitionException(ResolutionStatus from, ResolutionStatus to)
    : InvalidOperationException($"A resolution that is {from.Display()} cannot become {to.Display()}.")
{
    public ResolutionStatus From { get; } = from;

    public ResolutionStatus To { get; } = to;
}

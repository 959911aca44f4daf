namespace MayorsNetwork.Domain.Resolutions;

/// <summary>What a resolution needs to pass, besides the quorum. Abstentions never count for or against.</summary>
public enum PassRule
{
    /// <summary>More Yes than No.</summary>
    SimpleMajority = 1,

    /// <summary>At least two-thirds of those voting Yes or No vote Yes (exactly two-thirds passes).</summary>
    TwoThirds = 2,
}

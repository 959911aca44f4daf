namespace MayorsNetwork.Domain.Meetings;

/// <summary>How much each city's ballot weighs at a meeting.</summary>
public enum VoteWeighting
{
    /// <summary>One vote per city (the default; USCM, Cal Cities).</summary>
    OnePerCity = 1,

    /// <summary>By population, from a table staff may edit, seeded with the National League of Cities' tiers.</summary>
    PopulationTiers = 2,

    /// <summary>By population, from a table staff enter themselves.</summary>
    StaffTable = 3,
}

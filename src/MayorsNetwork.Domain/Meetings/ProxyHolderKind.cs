namespace MayorsNetwork.Domain.Meetings;

/// <summary>Who may hold a city's proxy.</summary>
public enum ProxyHolderKind
{
    /// <summary>The mayor of another city credentialed for the meeting.</summary>
    MayorOfAnotherCity = 1,

    /// <summary>A named official of the same city who has an account (not the mayor, who casts as delegate anyway).</summary>
    OfficialOfSameCity = 2,
}

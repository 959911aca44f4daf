namespace MayorsNetwork.Domain.Voting;

/// <summary>Who cast a city's ballot: its mayor (the delegate), an alternate named on the credential, or the holder of its proxy.</summary>
public enum CastAs
{
    Delegate = 1,
    Alternate = 2,
    Proxy = 3,
}

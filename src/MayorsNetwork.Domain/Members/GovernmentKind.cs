namespace MayorsNetwork.Domain.Members;

public enum GovernmentKind
{
    City = 1,
    County = 2,
    Town = 3,
    TribalNation = 4,

    /// <summary>Regional entities apply by email, not through the form.</summary>
    Region = 5,
}

namespace MayorsNetwork.Domain.Meetings;

/// <summary>In what role someone registers to attend a meeting for a member city.</summary>
public enum RegistrantRole
{
    Mayor = 1,

    /// <summary>City staff: they may be the city's alternate or proxy, and their arrival is the city's.</summary>
    Staff = 2,

    /// <summary>A guest of the city's delegation: attends, but their arrival does not check the city in.</summary>
    Guest = 3,
}

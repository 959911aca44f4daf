namespace MayorsNetwork.Domain.Meetings;

/// <summary>The association meets in winter (Washington, DC), at its annual meeting in June, and in special meetings.</summary>
public enum MeetingKind
{
    Winter = 1,
    Annual = 2,
    Special = 3,
}

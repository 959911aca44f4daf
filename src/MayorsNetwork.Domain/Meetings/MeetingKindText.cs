namespace MayorsNetwork.Domain.Meetings;

public static class MeetingKindText
{
    public static string Display(this MeetingKind kind) => kind switch
    {
        MeetingKind.Winter => "Winter Meeting",
        MeetingKind.Annual => "Annual Meeting",
        MeetingKind.Special => "Special Meeting",
        _ => kind.ToString(),
    };
}

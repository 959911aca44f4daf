using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Web.Seeding;

/// <summary>
/// The meetings a new portal starts with: the next Winter Meeting (January, Washington, DC) and the next
/// Annual Meeting (June), each taking resolutions until 30 days before it starts.
/// </summary>
public static class DefaultMeetings
{
    public const int DeadlineDaysBefore = 30;

    public static IReadOnlyList<Meeting> Next(DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var winterStart = new DateOnly(today.Year, 1, 21);
        if (winterStart < today) winterStart = winterStart.AddYears(1);
        var annualStart = new DateOnly(today.Year, 6, 18);
        if (annualStart < today) annualStart = annualStart.AddYears(1);
        return
        [
            Make(MeetingKind.Winter, $"Winter Meeting {winterStart.Year}", winterStart, 3, "Washington", "DC", nowUtc),
            Make(MeetingKind.Annual, $"Annual Meeting {annualStart.Year}", annualStart, 4, "Denver", "CO", nowUtc),
        ];
    }

    private static Meeting Make(MeetingKind kind, string title, DateOnly start, int days, string city, string state, DateTime nowUtc) => new()
    {
        Kind = kind,
        Title = title,
        StartsOn = start,
        EndsOn = start.AddDays(days - 1),
        PlaceCity = city,
        PlaceState = state,
        ResolutionDeadlineUtc = start.AddDays(-DeadlineDaysBefore).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        CreatedAtUtc = nowUtc,
        CreatedBy = "Initial set-up",
    };
}

namespace MayorsNetwork.Domain.Meetings;

/// <summary>A meeting of the association, where credentialed cities vote on resolutions.</summary>
public sealed class Meeting
{
    public const int TitleMaxLength = 150;
    public const int CityMaxLength = 100;

    public int Id { get; set; }

    public MeetingKind Kind { get; set; }

    public required string Title { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    /// <summary>The city where it is held.</summary>
    public required string PlaceCity { get; set; }

    /// <summary>Two-letter state (or DC).</summary>
    public required string PlaceState { get; set; }

    /// <summary>Resolutions for this meeting must be submitted before this moment.</summary>
    public DateTime ResolutionDeadlineUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime? UpdatedAtUtc { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Changed on every update; a stale copy cannot overwrite a newer one (optimistic concurrency).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Credential> Credentials { get; set; } = [];

    public string Place => $"{PlaceCity}, {PlaceState}";

    /// <summary>A meeting is past once its last day is before today.</summary>
    public bool IsPast(DateOnly today) => EndsOn < today;

    /// <summary>The rules a meeting keeps: a title, a place, an end not before the start, a deadline no later than the start.</summary>
    public IReadOnlyList<string> Validate() => Check(Title, PlaceCity, PlaceState, StartsOn, EndsOn, ResolutionDeadlineUtc);

    public static IReadOnlyList<string> Check(string? title, string? city, string? state, DateOnly startsOn, DateOnly endsOn, DateTime deadlineUtc)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add("Enter the meeting's title.");
        else if (title.Trim().Length > TitleMaxLength) errors.Add($"The title can be at most {TitleMaxLength} characters.");
        if (string.IsNullOrWhiteSpace(city)) errors.Add("Enter the city where the meeting is held.");
        if (string.IsNullOrWhiteSpace(state) || state.Trim().Length != 2) errors.Add("Enter the state as two letters, like DC.");
        if (endsOn < startsOn) errors.Add("The meeting cannot end before it starts.");
        if (deadlineUtc > startsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
            errors.Add("The resolution deadline must be no later than the start of the meeting.");
        return errors;
    }
}

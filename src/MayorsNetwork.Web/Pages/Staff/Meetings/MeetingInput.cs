using System.Globalization;
using MayorsNetwork.Domain.Meetings;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MayorsNetwork.Web.Pages.Staff.Meetings;

/// <summary>The meeting form as typed, shared by Create and Edit; parsed and checked against the meeting's rules.</summary>
public sealed class MeetingInput
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string DeadlineFormat = "yyyy-MM-ddTHH:mm";

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    /// <summary>Date and time in UTC, as a datetime-local input sends it (2027-05-19T17:00).</summary>
    public string? Deadline { get; set; }

    public static MeetingInput From(Meeting m) => new()
    {
        Kind = m.Kind.ToString(),
        Title = m.Title,
        StartsOn = m.StartsOn.ToString(DateFormat, CultureInfo.InvariantCulture),
        EndsOn = m.EndsOn.ToString(DateFormat, CultureInfo.InvariantCulture),
        City = m.PlaceCity,
        State = m.PlaceState,
        Deadline = m.ResolutionDeadlineUtc.ToString(DeadlineFormat, CultureInfo.InvariantCulture),
    };

    /// <summary>The values as a meeting's fields, or null with the problems in <paramref name="modelState"/>.</summary>
    public Valid? Validate(ModelStateDictionary modelState)
    {
        var inv = CultureInfo.InvariantCulture;
        if (!Enum.TryParse<MeetingKind>(Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
            modelState.AddModelError("Input.Kind", "Choose the kind of meeting.");
        var startOk = DateOnly.TryParseExact(StartsOn?.Trim(), DateFormat, inv, DateTimeStyles.None, out var start);
        if (!startOk) modelState.AddModelError("Input.StartsOn", "Enter the first day of the meeting, like 2027-06-18.");
        var endOk = DateOnly.TryParseExact(EndsOn?.Trim(), DateFormat, inv, DateTimeStyles.None, out var end);
        if (!endOk) modelState.AddModelError("Input.EndsOn", "Enter the last day of the meeting, like 2027-06-21.");
        var deadlineOk = DateTime.TryParseExact(Deadline?.Trim(), [DeadlineFormat, "yyyy-MM-ddTHH:mm:ss"], inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var deadline);
        if (!deadlineOk) modelState.AddModelError("Input.Deadline", "Enter the resolution deadline as a date and time, like 2027-05-19T17:00.");
        deadline = DateTime.SpecifyKind(deadline, DateTimeKind.Utc);

        var title = Title?.Trim() ?? "";
        var city = City?.Trim() ?? "";
        var state = State?.Trim().ToUpperInvariant() ?? "";
        if (string.IsNullOrEmpty(title)) modelState.AddModelError("Input.Title", "Enter the meeting's title.");
        else if (title.Length > Meeting.TitleMaxLength) modelState.AddModelError("Input.Title", $"The title can be at most {Meeting.TitleMaxLength} characters.");
        if (string.IsNullOrEmpty(city) || city.Length > Meeting.CityMaxLength) modelState.AddModelError("Input.City", "Enter the city where the meeting is held.");
        if (state.Length != 2 || !state.All(char.IsAsciiLetterUpper)) modelState.AddModelError("Input.State", "Enter the state as two letters, like DC.");
        if (startOk && endOk && end < start) modelState.AddModelError("Input.EndsOn", "The meeting cannot end before it starts.");
        if (startOk && deadlineOk && deadline > start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))
            modelState.AddModelError("Input.Deadline", "The resolution deadline must be no later than the start of the meeting.");

        return modelState.IsValid ? new Valid(kind, title, start, end, city, state, deadline) : null;
    }

    public static void Apply(Meeting m, Valid v)
    {
        m.Kind = v.Kind;
        m.Title = v.Title;
        m.StartsOn = v.StartsOn;
        m.EndsOn = v.EndsOn;
        m.PlaceCity = v.City;
        m.PlaceState = v.State;
        m.ResolutionDeadlineUtc = v.DeadlineUtc;
    }

    public sealed record Valid(MeetingKind Kind, string Title, DateOnly StartsOn, DateOnly EndsOn, string City, string State, DateTime DeadlineUtc);
}

using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Web.Pages.Staff.Meetings;

/// <summary>The meeting form as typed, shared by Create and Edit; checked by its <see cref="Validator"/>, then parsed.</summary>
public sealed class MeetingInput : IVersionedInput
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

    /// <summary>The version the edit form was opened at; the create form has none.</summary>
    public Guid Version { get; set; }

    public static MeetingInput From(Meeting m) => new()
    {
        Kind = m.Kind.ToString(),
        Title = m.Title,
        StartsOn = m.StartsOn.ToString(DateFormat, CultureInfo.InvariantCulture),
        EndsOn = m.EndsOn.ToString(DateFormat, CultureInfo.InvariantCulture),
        City = m.PlaceCity,
        State = m.PlaceState,
        Deadline = m.ResolutionDeadlineUtc.ToString(DeadlineFormat, CultureInfo.InvariantCulture),
        Version = m.Version,
    };

    /// <summary>The values as a meeting's fields; only for input that <see cref="Validator"/> accepted.</summary>
    public Valid ToValid()
    {
        var start = ParseDate(StartsOn)!.Value;
        var end = ParseDate(EndsOn)!.Value;
        var deadline = ParseDeadline(Deadline)!.Value;
        return new Valid(Enum.Parse<MeetingKind>(Kind!), Title!.Trim(), start, end, City!.Trim(), State!.Trim().ToUpperInvariant(), deadline);
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

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static DateTime? ParseDeadline(string? text) =>
        DateTime.TryParseExact(text?.Trim(), [DeadlineFormat, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var deadline)
            ? DateTime.SpecifyKind(deadline, DateTimeKind.Utc)
            : null;

    /// <summary>
    /// The form's checks, in the order the errors are listed: each field as typed, then how the dates relate
    /// (only when both parse).
    /// </summary>
    public sealed class Validator : AbstractValidator<MeetingInput>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).Must(k => Enum.TryParse<MeetingKind>(k, out var kind) && Enum.IsDefined(kind) && !int.TryParse(k, out _))
                .WithMessage("Choose the kind of meeting.");
            RuleFor(x => x.StartsOn).Must(d => ParseDate(d) is not null).WithMessage("Enter the first day of the meeting, like 2027-06-18.");
            RuleFor(x => x.EndsOn).Must(d => ParseDate(d) is not null).WithMessage("Enter the last day of the meeting, like 2027-06-21.");
            RuleFor(x => x.Deadline).Must(d => ParseDeadline(d) is not null).WithMessage("Enter the resolution deadline as a date and time, like 2027-05-19T17:00.");
            RuleFor(x => x.Title)
                .Must(t => !string.IsNullOrEmpty(t?.Trim())).WithMessage("Enter the meeting's title.")
                .Must(t => t is null || t.Trim().Length <= Meeting.TitleMaxLength).WithMessage($"The title can be at most {Meeting.TitleMaxLength} characters.");
            RuleFor(x => x.City).Must(c => c?.Trim() is { Length: > 0 and <= Meeting.CityMaxLength })
                .WithMessage("Enter the city where the meeting is held.");
            RuleFor(x => x.State).Must(s => s?.Trim().ToUpperInvariant() is { Length: 2 } state && state.All(char.IsAsciiLetterUpper))
                .WithMessage("Enter the state as two letters, like DC.");
            RuleFor(x => x.EndsOn).Must((input, end) => !(ParseDate(input.StartsOn) is { } s && ParseDate(end) is { } e && e < s))
                .WithMessage("The meeting cannot end before it starts.");
            RuleFor(x => x.Deadline).Must((input, deadline) => !(ParseDate(input.StartsOn) is { } s && ParseDeadline(deadline) is { } d && d > s.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))
                .WithMessage("The resolution deadline must be no later than the start of the meeting.");
        }
    }
}

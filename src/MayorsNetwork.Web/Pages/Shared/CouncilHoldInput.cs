using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Pages.Shared;

/// <summary>
/// "Payment awaits council approval, expected by DATE" (issue 14, item 5), on the city's /account/invoices/{number}/council
/// and on the staff invoice page. The field names are <see cref="CouncilHolds"/>' error keys.
/// </summary>
public sealed class CouncilHoldInput
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The date payment is expected by, as a date input posts it (yyyy-MM-dd).</summary>
    public string? ExpectedBy { get; set; }

    public string? Note { get; set; }

    /// <summary>The hold's version when the form was shown (<see cref="Guid.Empty"/> when there was none), so that a change made meanwhile is not overwritten.</summary>
    public Guid Version { get; set; }

    /// <summary>The date typed, once <see cref="Validator"/> has accepted it (a method: model validation reads every property).</summary>
    public DateOnly Date() => DateOnly.ParseExact(ExpectedBy!.Trim(), DateFormat, CultureInfo.InvariantCulture);

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The form's own checks; the rules about the date (today or later, the bound after the due date) are <see cref="CouncilHold"/>'s.</summary>
    public sealed class Validator : AbstractValidator<CouncilHoldInput>
    {
        public Validator()
        {
            RuleFor(x => x.ExpectedBy)
                .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Enter the date payment is expected by.")
                .Must(d => string.IsNullOrWhiteSpace(d) || DateOnly.TryParseExact(d.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                .WithMessage("Enter the date payment is expected by as a date, for example 2027-03-15.");
            RuleFor(x => x.Note)
                .MaximumLength(CouncilHold.NoteMaxLength).WithMessage($"The note can be at most {CouncilHold.NoteMaxLength} characters.");
        }
    }
}

using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Awards;

/// <summary>
/// A member city's application to an award cycle (issue 16): once per city per cycle (a unique index backs this up);
/// made and edited strictly before the deadline, to the second, and locked from the deadline on. It competes in the
/// category whose band holds the city's population when it applied.
/// </summary>
public sealed class AwardApplication
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1_000;
    public const int NarrativeMaxLength = 20_000;
    public const int FileNameMaxLength = 200;
    public const long MaxAttachmentBytes = 10L * 1024 * 1024;

    public const string Locked = "award-application.locked";
    public const string AlreadyApplied = "award-application.already-applied";
    public const string NotMember = "award-application.not-member";
    public const string NoCategory = "award-application.no-category";
    public const string Required = "award-application.required";
    public const string TooLong = "award-application.too-long";
    public const string BadAttachment = "award-application.attachment";
    public const string NotYours = "award-application.not-yours";

    private AwardApplication()
    {
    }

    public int Id { get; set; }

    public int AwardCycleId { get; private set; }

    public int MembershipId { get; private set; }

    public string City { get; private set; } = "";

    public int Population { get; private set; }

    public int CategoryId { get; private set; }

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string Narrative { get; private set; } = "";

    public string AttachmentFileName { get; private set; } = "";

    public long AttachmentBytes { get; private set; }

    public string SubmittedByUserId { get; private set; } = "";

    public string SubmittedBy { get; private set; } = "";

    public DateTime SubmittedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <param name="alreadyApplied">The city already has an application in this cycle.</param>
    public static RuleResult<AwardApplication> Submit(AwardCycle cycle, AwardApplicant applicant, AwardApplicationContent content, bool alreadyApplied, DateTime nowUtc)
    {
        if (!cycle.AcceptsApplications(nowUtc))
            return RuleResult.Fail<AwardApplication>(Locked, $"The deadline, {cycle.DeadlineText}, has passed: applications are closed.");
        if (applicant.Status is not (MembershipStatus.Active or MembershipStatus.Grace))
            return RuleResult.Fail<AwardApplication>(NotMember, $"Your city's membership is {applicant.Status}: only member cities in good standing (Active, or in their grace period) apply for awards.");
        if (alreadyApplied)
            return RuleResult.Fail<AwardApplication>(AlreadyApplied, $"{applicant.City} has already applied in {cycle.Name}; edit that application instead.");
        if (cycle.CategoryFor(applicant.Population) is not { } category)
            return RuleResult.Fail<AwardApplication>(NoCategory,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"No prize category of {cycle.Name} covers a population of {applicant.Population:N0}."));
        if (Check(content, attachmentOnFile: false) is { Count: > 0 } errors) return RuleResult.Fail<AwardApplication>(errors);
        var application = new AwardApplication
        {
            AwardCycleId = cycle.Id,
            MembershipId = applicant.MembershipId,
            City = applicant.City,
            Population = applicant.Population,
            CategoryId = category.Id,
            SubmittedByUserId = applicant.UserId,
            SubmittedBy = applicant.Name,
            SubmittedAtUtc = nowUtc,
        };
        application.Apply(content, nowUtc);
        return RuleResult.Ok(application);
    }

    /// <summary>Everything wrong with the form, keyed by property.</summary>
    /// <param name="attachmentOnFile">A PDF is already attached (an edit may keep it).</param>
    public static IReadOnlyList<RuleError> Check(AwardApplicationContent content, bool attachmentOnFile)
    {
        var errors = new List<RuleError>();
        Text(errors, content.Title, nameof(Title), "the title", TitleMaxLength);
        Text(errors, content.Summary, nameof(Summary), "a summary", SummaryMaxLength);
        Text(errors, content.Narrative, nameof(Narrative), "the application's text", NarrativeMaxLength);
        if (content.Attachment is { } a)
        {
            if (a.Bytes <= 0) errors.Add(new RuleError(BadAttachment, "The PDF is empty.", "Attachment"));
            else if (a.Bytes > MaxAttachmentBytes) errors.Add(new RuleError(BadAttachment, "The PDF can be at most 10 MB.", "Attachment"));
            if (string.IsNullOrWhiteSpace(a.FileName) || a.FileName.Length > FileNameMaxLength)
                errors.Add(new RuleError(BadAttachment, $"The file needs a name of at most {FileNameMaxLength} characters.", "Attachment"));
        }
        else if (!attachmentOnFile)
        {
            errors.Add(new RuleError(Required, "Attach the application as one PDF.", "Attachment"));
        }

        return errors;
    }

    /// <summary>The city changes its application, strictly before the deadline.</summary>
    public RuleResult Edit(AwardCycle cycle, int membershipId, AwardApplicationContent content, DateTime nowUtc)
    {
        if (cycle.Id != AwardCycleId) throw new ArgumentException("The cycle is not this application's.", nameof(cycle));
        if (membershipId != MembershipId) return RuleResult.Fail(NotYours, "Only the city that applied can edit its application.");
        if (!cycle.AcceptsApplications(nowUtc))
            return RuleResult.Fail(Locked, $"The deadline, {cycle.DeadlineText}, has passed: the application is locked.");
        if (Check(content, attachmentOnFile: AttachmentBytes > 0) is { Count: > 0 } errors) return RuleResult.Fail(errors);
        Apply(content, nowUtc);
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    private void Apply(AwardApplicationContent c, DateTime nowUtc)
    {
        Title = c.Title!.Trim();
        Summary = c.Summary!.Trim();
        Narrative = c.Narrative!.Trim();
        if (c.Attachment is { } a)
        {
            AttachmentFileName = a.FileName.Trim();
            AttachmentBytes = a.Bytes;
        }

        UpdatedAtUtc = nowUtc;
    }

    private static void Text(List<RuleError> errors, string? value, string property, string what, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) errors.Add(new RuleError(Required, $"Enter {what}.", property));
        else if (text.Length > max) errors.Add(new RuleError(TooLong, $"{char.ToUpperInvariant(what[0])}{what[1..]} can be at most {max:N0} characters.", property));
    }
}

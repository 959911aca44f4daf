using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.BestPractices;

/// <summary>
/// A best practice a member city shares (issue 16). Who may do what:
/// <list type="bullet">
/// <item>the mayor or liaison of a member city in good standing (Active or in Grace) starts one for their city, edits it
/// while it is a Draft or Returned, submits it, and may withdraw a submitted one to Draft;</item>
/// <item>staff publish a submitted one, or return it with a note the city sees; staff may also return a published one
/// (taking it down), again with a note.</item>
/// </list>
/// A draft may be incomplete; submitting needs every required field. Every move is kept in <see cref="Changes"/>.
/// </summary>
public sealed class BestPractice
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 1_000;
    public const int TextMaxLength = 10_000;
    public const int CostMaxLength = 500;
    public const int PartnersMaxLength = 1_000;
    public const int ContactNameMaxLength = 120;
    public const int ContactEmailMaxLength = 254;
    public const int NoteMaxLength = 2_000;
    public const int MaxImages = 3;
    public const int MaxImageBytes = 2 * 1024 * 1024;

    public const string Required = "best-practice.required";
    public const string TooLong = "best-practice.too-long";
    public const string BadEmail = "best-practice.email";
    public const string BadArea = "best-practice.issue-area";
    public const string NotAllowed = "best-practice.not-allowed";
    public const string WrongStatus = "best-practice.wrong-status";
    public const string NoteNeeded = "best-practice.note-needed";
    public const string TooManyImages = "best-practice.too-many-images";

    private BestPractice()
    {
    }

    public int Id { get; set; }

    /// <summary>The city that shares it.</summary>
    public int MembershipId { get; private set; }

    public string Title { get; private set; } = "";

    public int? IssueAreaId { get; private set; }

    public string Summary { get; private set; } = "";

    public string Challenge { get; private set; } = "";

    /// <summary>What the city did.</summary>
    public string Actions { get; private set; } = "";

    public string Results { get; private set; } = "";

    public string Cost { get; private set; } = "";

    public string Partners { get; private set; } = "";

    public string ContactName { get; private set; } = "";

    public string ContactEmail { get; private set; } = "";

    public BestPracticeStatus Status { get; private set; } = BestPracticeStatus.Draft;

    /// <summary>Staff's note with the last return (shown to the city), cleared when it is published.</summary>
    public string? ReturnNote { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<BestPracticeChange> Changes { get; private set; } = [];

    /// <summary>Whether the city may change the text now.</summary>
    public bool IsEditable => Status is BestPracticeStatus.Draft or BestPracticeStatus.Returned;

    /// <summary>Starts a draft for the actor's city. Only a title is needed to save a draft.</summary>
    /// <param name="activeAreaIds">The issue areas that take new practices.</param>
    public static RuleResult<BestPractice> Start(BestPracticeActor actor, MembershipStatus cityStatus, BestPracticeContent content,
        IReadOnlySet<int> activeAreaIds, DateTime nowUtc)
    {
        if (actor.IsStaff || actor.MembershipId is null)
            return RuleResult.Fail<BestPractice>(NotAllowed, "Best practices are shared by a member city's mayor or liaison.");
        if (cityStatus is not (MembershipStatus.Active or MembershipStatus.Grace))
            return RuleResult.Fail<BestPractice>(NotAllowed, $"Your city's membership is {cityStatus}: only member cities in good standing (Active, or in their grace period) share best practices.");
        if (Check(content, activeAreaIds, complete: false) is { Count: > 0 } errors) return RuleResult.Fail<BestPractice>(errors);
        var practice = new BestPractice { MembershipId = actor.MembershipId.Value, CreatedAtUtc = nowUtc };
        practice.Apply(content, nowUtc);
        practice.Changes.Add(BestPracticeChange.Make(0, null, BestPracticeStatus.Draft, actor, "Started.", nowUtc));
        return RuleResult.Ok(practice);
    }

    /// <summary>Everything wrong with the content, keyed by property; <paramref name="complete"/> asks for every required field (to submit).</summary>
    public static IReadOnlyList<RuleError> Check(BestPracticeContent content, IReadOnlySet<int> activeAreaIds, bool complete)
    {
        var errors = new List<RuleError>();
        Text(errors, content.Title, nameof(Title), "the title", TitleMaxLength, required: true);
        Text(errors, content.Summary, nameof(Summary), "a summary", SummaryMaxLength, complete);
        Text(errors, content.Challenge, nameof(Challenge), "the challenge", TextMaxLength, complete);
        Text(errors, content.Actions, nameof(Actions), "what the city did", TextMaxLength, complete);
        Text(errors, content.Results, nameof(Results), "the results, with figures", TextMaxLength, complete);
        Text(errors, content.Cost, nameof(Cost), "the cost", CostMaxLength, false);
        Text(errors, content.Partners, nameof(Partners), "the partners", PartnersMaxLength, false);
        Text(errors, content.ContactName, nameof(ContactName), "a contact's name", ContactNameMaxLength, complete);
        Text(errors, content.ContactEmail, nameof(ContactEmail), "a contact's email address", ContactEmailMaxLength, complete);
        if (!string.IsNullOrWhiteSpace(content.ContactEmail) && !LooksLikeEmail(content.ContactEmail.Trim()))
            errors.Add(new RuleError(BadEmail, "Enter the contact's email address, like name@city.gov.", nameof(ContactEmail)));
        if (content.IssueAreaId is { } area && !activeAreaIds.Contains(area))
            errors.Add(new RuleError(BadArea, "Choose one of the issue areas listed.", nameof(IssueAreaId)));
        else if (content.IssueAreaId is null && complete)
            errors.Add(new RuleError(Required, "Choose an issue area.", nameof(IssueAreaId)));
        return errors;
    }

    /// <summary>The city changes the text, while it is a Draft or Returned.</summary>
    public RuleResult Edit(BestPracticeActor actor, BestPracticeContent content, IReadOnlySet<int> activeAreaIds, DateTime nowUtc)
    {
        if (!IsOwnCity(actor)) return NotYours();
        if (!IsEditable)
            return RuleResult.Fail(WrongStatus, Status == BestPracticeStatus.Submitted
                ? "This best practice is with staff for review; withdraw it to edit it."
                : "This best practice is published; staff can return it to you for changes.");
        // A returned practice may keep an area staff have since retired, but may not move to a retired one.
        var areas = IssueAreaId is { } current && content.IssueAreaId == current ? new HashSet<int>(activeAreaIds) { current } : activeAreaIds;
        if (Check(content, areas, complete: false) is { Count: > 0 } errors) return RuleResult.Fail(errors);
        Apply(content, nowUtc);
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>The city submits it for review: every required field must be filled in.</summary>
    public RuleResult Submit(BestPracticeActor actor, IReadOnlySet<int> activeAreaIds, DateTime nowUtc)
    {
        if (!IsOwnCity(actor)) return NotYours();
        if (!IsEditable) return RuleResult.Fail(WrongStatus, $"A best practice that is {Status} cannot be submitted.");
        var areas = IssueAreaId is { } current ? new HashSet<int>(activeAreaIds) { current } : activeAreaIds;
        if (Check(Content, areas, complete: true) is { Count: > 0 } errors) return RuleResult.Fail(errors);
        Move(BestPracticeStatus.Submitted, actor, "Submitted for review.", nowUtc);
        return RuleResult.Ok();
    }

    /// <summary>The city takes a submitted practice back to Draft before staff decide.</summary>
    public RuleResult Withdraw(BestPracticeActor actor, DateTime nowUtc)
    {
        if (!IsOwnCity(actor)) return NotYours();
        if (Status != BestPracticeStatus.Submitted) return RuleResult.Fail(WrongStatus, "Only a best practice waiting for review can be withdrawn.");
        Move(BestPracticeStatus.Draft, actor, "Withdrawn by the city.", nowUtc);
        return RuleResult.Ok();
    }

    /// <summary>Staff publish a submitted practice: it appears in the public showcase.</summary>
    public RuleResult Publish(BestPracticeActor actor, DateTime nowUtc)
    {
        if (!actor.IsStaff) return RuleResult.Fail(NotAllowed, "Only staff publish best practices.");
        if (Status != BestPracticeStatus.Submitted) return RuleResult.Fail(WrongStatus, $"Only a submitted best practice can be published; this one is {Status}.");
        Move(BestPracticeStatus.Published, actor, "Published.", nowUtc);
        PublishedAtUtc ??= nowUtc;
        ReturnNote = null;
        return RuleResult.Ok();
    }

    /// <summary>Staff return a submitted (or take down a published) practice, with a note the city sees.</summary>
    public RuleResult Return(BestPracticeActor actor, string? note, DateTime nowUtc)
    {
        if (!actor.IsStaff) return RuleResult.Fail(NotAllowed, "Only staff return best practices.");
        if (Status is not (BestPracticeStatus.Submitted or BestPracticeStatus.Published))
            return RuleResult.Fail(WrongStatus, $"Only a submitted or published best practice can be returned; this one is {Status}.");
        if (string.IsNullOrWhiteSpace(note)) return RuleResult.Fail(NoteNeeded, "Write a note telling the city what to change.", "Note");
        if (note.Trim().Length > NoteMaxLength) return RuleResult.Fail(NoteNeeded, $"The note can be at most {NoteMaxLength:N0} characters.", "Note");
        Move(BestPracticeStatus.Returned, actor, note.Trim(), nowUtc);
        ReturnNote = note.Trim();
        return RuleResult.Ok();
    }

    /// <summary>Why another image cannot be added (three at most, while the city may edit), or null.</summary>
    public RuleError? CannotAddImage(BestPracticeActor actor, int imagesNow)
    {
        if (!IsOwnCity(actor)) return NotYours().Error;
        if (!IsEditable) return new RuleError(WrongStatus, "Images can be changed only while the best practice is a draft or returned.");
        return imagesNow >= MaxImages ? new RuleError(TooManyImages, $"A best practice can have at most {MaxImages} images; remove one first.", "Images") : null;
    }

    public BestPracticeContent Content => new(Title, IssueAreaId, Summary, Challenge, Actions, Results, Cost, Partners, ContactName, ContactEmail);

    private bool IsOwnCity(BestPracticeActor actor) => !actor.IsStaff && actor.MembershipId == MembershipId;

    private static RuleResult NotYours() => RuleResult.Fail(NotAllowed, "Only the city's mayor or liaison can change its best practice.");

    private void Move(BestPracticeStatus to, BestPracticeActor actor, string note, DateTime nowUtc)
    {
        Changes.Add(BestPracticeChange.Make(Id, Status, to, actor, note, nowUtc));
        Status = to;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
    }

    private void Apply(BestPracticeContent c, DateTime nowUtc)
    {
        Title = c.Title?.Trim() ?? "";
        IssueAreaId = c.IssueAreaId;
        Summary = c.Summary?.Trim() ?? "";
        Challenge = c.Challenge?.Trim() ?? "";
        Actions = c.Actions?.Trim() ?? "";
        Results = c.Results?.Trim() ?? "";
        Cost = c.Cost?.Trim() ?? "";
        Partners = c.Partners?.Trim() ?? "";
        ContactName = c.ContactName?.Trim() ?? "";
        ContactEmail = c.ContactEmail?.Trim() ?? "";
        UpdatedAtUtc = nowUtc;
    }

    private static void Text(List<RuleError> errors, string? value, string property, string what, int max, bool required)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required) errors.Add(new RuleError(Required, $"Enter {what}.", property));
        }
        else if (text.Length > max)
        {
            errors.Add(new RuleError(TooLong, $"{char.ToUpperInvariant(what[0])}{what[1..]} can be at most {max:N0} characters.", property));
        }
    }

    private static bool LooksLikeEmail(string s)
    {
        var at = s.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == s.LastIndexOf('@') && at < s.Length - 3 && s.IndexOf('.', at) > at + 1 && !s.EndsWith('.') && !s.Any(char.IsWhiteSpace);
    }
}

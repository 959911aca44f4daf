using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Meetings;

/// <summary>
/// Someone registered to attend a meeting for a member city (issue 17): the mayor or city staff, or a guest of the
/// city's delegation; with a title, a badge name and any accessibility needs. On arrival staff scan their code and
/// <see cref="CheckIn"/> records it; a mayor's or staff member's arrival also checks in the city's credential (the
/// city is present), a guest's does not (a guest can never cast the city's vote, so cannot make it present).
/// </summary>
public sealed class Registrant
{
    public const int NameMaxLength = 120;
    public const int TitleMaxLength = 120;
    public const int BadgeNameMaxLength = 40;
    public const int AccessibilityMaxLength = 1_000;

    public const string NotMember = "registrant.not-member";
    public const string BadName = "registrant.name";
    public const string BadTitle = "registrant.title";
    public const string BadBadgeName = "registrant.badge-name";
    public const string BadAccessibility = "registrant.accessibility";
    public const string BadRole = "registrant.role";

    private Registrant()
    {
    }

    public int Id { get; set; }

    public int MeetingId { get; private set; }

    public int MembershipId { get; private set; }

    /// <summary>The registrant's account, when they have one (the code is emailed to the address they give either way).</summary>
    public string? UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string Title { get; private set; } = "";

    public RegistrantRole Role { get; private set; }

    public string BadgeName { get; private set; } = "";

    public string AccessibilityNeeds { get; private set; } = "";

    public DateTime RegisteredAtUtc { get; private set; }

    public DateTime? CheckedInAtUtc { get; private set; }

    public string? CheckedInBy { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsCheckedIn => CheckedInAtUtc is not null;

    /// <summary>Everything wrong with <paramref name="details"/>, keyed by property name.</summary>
    public static IReadOnlyList<RuleError> Check(RegistrantDetails details)
    {
        var errors = new List<RuleError>();
        var name = details.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new RuleError(BadName, "Enter the name of the person attending.", nameof(Name)));
        else if (name.Length > NameMaxLength) errors.Add(new RuleError(BadName, $"The name can be at most {NameMaxLength} characters.", nameof(Name)));
        if ((details.Title?.Trim().Length ?? 0) > TitleMaxLength)
            errors.Add(new RuleError(BadTitle, $"The title can be at most {TitleMaxLength} characters.", nameof(Title)));
        if (!Enum.IsDefined(details.Role)) errors.Add(new RuleError(BadRole, "Choose a role: mayor, staff or guest.", nameof(Role)));
        var badge = details.BadgeName?.Trim() ?? "";
        if (badge.Length > BadgeNameMaxLength)
            errors.Add(new RuleError(BadBadgeName, $"The badge name can be at most {BadgeNameMaxLength} characters.", nameof(BadgeName)));
        else if (badge.Length == 0 && name.Length > BadgeNameMaxLength)
            errors.Add(new RuleError(BadBadgeName, $"The name is too long for a badge: enter a badge name of at most {BadgeNameMaxLength} characters.", nameof(BadgeName)));
        if ((details.AccessibilityNeeds?.Trim().Length ?? 0) > AccessibilityMaxLength)
            errors.Add(new RuleError(BadAccessibility, $"Accessibility needs can be at most {AccessibilityMaxLength:N0} characters.", nameof(AccessibilityNeeds)));
        return errors;
    }

    /// <summary>Registers someone for a member city (Approved, Invoiced, Active or in Grace: a city may attend before its dues are paid, though it votes only when Active).</summary>
    public static RuleResult<Registrant> Register(int meetingId, int membershipId, MembershipStatus cityStatus, string? userId, RegistrantDetails details, DateTime nowUtc)
    {
        if (!MembershipStatusRules.IsMember(cityStatus))
            return RuleResult.Fail<Registrant>(NotMember, $"Only member cities register for meetings; this city's membership is {cityStatus}.");
        if (Check(details) is { Count: > 0 } errors) return RuleResult.Fail<Registrant>(errors);
        var registrant = new Registrant { MeetingId = meetingId, MembershipId = membershipId, UserId = userId, RegisteredAtUtc = nowUtc };
        registrant.Apply(details);
        return RuleResult.Ok(registrant);
    }

    /// <summary>Changes the details; the role is kept once checked in (the city's presence already follows from it).</summary>
    public RuleResult Update(RegistrantDetails details)
    {
        if (Check(details) is { Count: > 0 } errors) return RuleResult.Fail(errors);
        if (IsCheckedIn && details.Role != Role)
            return RuleResult.Fail(BadRole, "The registrant has checked in: their role can no longer change.", nameof(Role));
        Apply(details);
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>
    /// Records the arrival and, for a mayor or staff member, checks in the city's credential (when the city has one;
    /// the first arrival's time is kept). Checking in twice changes nothing and says so.
    /// </summary>
    /// <param name="credential">The city's credential for the meeting, or null when it has none.</param>
    public CheckInResult CheckIn(Credential? credential, string by, DateTime nowUtc)
    {
        if (credential is not null && (credential.MembershipId != MembershipId || credential.MeetingId != MeetingId))
            throw new ArgumentException("The credential is another city's or another meeting's.", nameof(credential));
        var first = !IsCheckedIn;
        if (first)
        {
            CheckedInAtUtc = nowUtc;
            CheckedInBy = by;
            Version = Guid.NewGuid();
        }

        if (Role == RegistrantRole.Guest)
            return new CheckInResult(first, false, first ? $"{Name} is checked in as a guest." : $"{Name} was already checked in.");
        if (credential is null)
            return new CheckInResult(first, false, (first ? $"{Name} is checked in" : $"{Name} was already checked in") +
                                                   "; the city is not credentialed for this meeting, so it has no vote here.");
        var city = credential.CheckIn(by, nowUtc);
        var text = first ? $"{Name} is checked in" : $"{Name} was already checked in";
        return new CheckInResult(first, city, text + (city ? "; the city is now present." : "; the city was already present."));
    }

    private void Apply(RegistrantDetails details)
    {
        Name = details.Name!.Trim();
        Title = details.Title?.Trim() ?? "";
        Role = details.Role;
        BadgeName = string.IsNullOrWhiteSpace(details.BadgeName) ? Name : details.BadgeName.Trim();
        AccessibilityNeeds = details.AccessibilityNeeds?.Trim() ?? "";
    }
}

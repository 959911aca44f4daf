namespace MayorsNetwork.Domain.Resolutions;

/// <summary>
/// A resolution submitted by a member mayor for a meeting, before its deadline. Staff refer it to a standing
/// committee; the committee votes, then (if recommended) the plenary. Every status change is kept in
/// <see cref="Changes"/>. The rule to pass and the quorum are settings of the resolution, copied onto each
/// vote when it opens.
/// </summary>
public sealed class Resolution
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 20_000;
    public const int DefaultQuorumPercent = 50;

    public int Id { get; set; }

    public int MeetingId { get; set; }

    public required string Title { get; set; }

    /// <summary>The resolution's text in Markdown, stored as typed; rendered without raw HTML.</summary>
    public required string TextMarkdown { get; set; }

    /// <summary>The sponsoring member city.</summary>
    public int SponsorMembershipId { get; set; }

    public required string SponsorUserId { get; set; }

    /// <summary>"Mayor Robin Mayor", as typed on the city's record at submission.</summary>
    public required string SponsorName { get; set; }

    /// <summary>"Phoenix, AZ".</summary>
    public required string SponsorCity { get; set; }

    public DateTime SubmittedAtUtc { get; set; }

    public ResolutionStatus Status { get; private set; } = ResolutionStatus.Submitted;

    /// <summary>The standing committee it was referred to.</summary>
    public int? CommitteeId { get; private set; }

    public PassRule PassRule { get; private set; } = PassRule.SimpleMajority;

    /// <summary>Share of the electors (0–100 %) who must cast a ballot, abstentions included, for the vote to count.</summary>
    public int QuorumPercent { get; private set; } = DefaultQuorumPercent;

    /// <summary>Changed on every update; a stale copy cannot overwrite a newer one (optimistic concurrency).</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public List<Cosponsor> Cosponsors { get; set; } = [];

    public List<ResolutionChange> Changes { get; set; } = [];

    public const string BadTitle = "resolution.title";
    public const string BadText = "resolution.text";

    /// <summary>The rules a resolution's text keeps; the messages say what to fix.</summary>
    public static IReadOnlyList<string> Check(string? title, string? textMarkdown) => CheckText(title, textMarkdown).Select(e => e.Message).ToList();

    /// <summary>
    /// The same rules as <see cref="Check"/>, each refusal keyed by the part of the submission it concerns:
    /// <c>Title</c>, or <c>Text</c> for the text as typed (Markdown).
    /// </summary>
    public static IReadOnlyList<RuleError> CheckText(string? title, string? text)
    {
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new RuleError(BadTitle, "Enter the resolution's title.", nameof(Title)));
        else if (title.Trim().Length > TitleMaxLength) errors.Add(new RuleError(BadTitle, $"The title can be at most {TitleMaxLength} characters.", nameof(Title)));
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new RuleError(BadText, "Enter the resolution's text.", "Text"));
        else if (text.Length > TextMaxLength) errors.Add(new RuleError(BadText, $"The text can be at most {TextMaxLength:N0} characters.", "Text"));
        return errors;
    }

    public const string RuleFixed = "resolution.rule-fixed";
    public const string UnknownRule = "resolution.unknown-rule";
    public const string QuorumOutOfRange = "resolution.quorum-out-of-range";

    /// <summary>The rule and quorum are copied onto each vote when it opens; they can change until the plenary vote opens.</summary>
    public static bool CanSetRule(ResolutionStatus status) =>
        status is ResolutionStatus.Submitted or ResolutionStatus.Referred or ResolutionStatus.InCommitteeVote or ResolutionStatus.Recommended;

    /// <summary>
    /// Sets the rule to pass and the quorum, recording who set them and when in the resolution's history (a change
    /// of record, not of status). Setting them as they are changes nothing. Refused once the plenary vote has opened,
    /// or for a quorum outside 0–100 %.
    /// </summary>
    public RuleResult SetRule(PassRule rule, int quorumPercent, string? byUserId, string byName, DateTime nowUtc)
    {
        if (!CanSetRule(Status))
            return RuleResult.Fail(RuleFixed, $"The rule to pass is fixed once the plenary vote has opened; this resolution is {Status.Display()}.", nameof(PassRule));
        var errors = new List<RuleError>();
        if (!Enum.IsDefined(rule)) errors.Add(new RuleError(UnknownRule, "Choose the rule to pass.", nameof(PassRule)));
        if (CheckQuorum(quorumPercent) is { } quorumError) errors.Add(new RuleError(QuorumOutOfRange, quorumError, nameof(QuorumPercent)));
        if (errors.Count > 0) return RuleResult.Fail(errors);
        if (PassRule == rule && QuorumPercent == quorumPercent) return RuleResult.Ok();

        PassRule = rule;
        QuorumPercent = quorumPercent;
        Version = Guid.NewGuid();
        Changes.Add(new ResolutionChange
        {
            From = Status, To = Status, ByUserId = byUserId, ByName = byName, AtUtc = nowUtc,
            Note = $"Rule to pass set to {rule.Display()}; quorum {quorumPercent}%.",
        });
        return RuleResult.Ok();
    }

    public static string? CheckQuorum(int quorumPercent) => quorumPercent is < 0 or > 100
        ? "The quorum is a share of the electors between 0 and 100 percent."
        : null;

    /// <summary>Submissions close at the meeting's deadline (a submission at the very deadline is late).</summary>
    public static bool IsOnTime(DateTime deadlineUtc, DateTime nowUtc) => nowUtc < deadlineUtc;

    public static Resolution Submit(int meetingId, string title, string textMarkdown, int sponsorMembershipId, string sponsorUserId,
        string sponsorName, string sponsorCity, DateTime nowUtc)
    {
        var resolution = new Resolution
        {
            MeetingId = meetingId,
            Title = title.Trim(),
            TextMarkdown = textMarkdown,
            SponsorMembershipId = sponsorMembershipId,
            SponsorUserId = sponsorUserId,
            SponsorName = sponsorName,
            SponsorCity = sponsorCity,
            SubmittedAtUtc = nowUtc,
        };
        resolution.Changes.Add(new ResolutionChange
        {
            From = null, To = ResolutionStatus.Submitted, ByUserId = sponsorUserId, ByName = sponsorName, AtUtc = nowUtc, Note = "Submitted.",
        });
        return resolution;
    }

    /// <summary>Staff refer a submitted resolution to a standing committee.</summary>
    public ResolutionChange Refer(int committeeId, string committeeName, string? byUserId, string byName, DateTime nowUtc)
    {
        var change = MoveTo(ResolutionStatus.Referred, byUserId, byName, $"Referred to the {committeeName}.", nowUtc);
        CommitteeId = committeeId;
        return change;
    }

    /// <summary>Moves along the flow, recording who and when; a move the flow does not allow throws.</summary>
    public ResolutionChange MoveTo(ResolutionStatus to, string? byUserId, string byName, string note, DateTime nowUtc)
    {
        if (!ResolutionStatusText.CanMove(Status, to)) throw new InvalidResolutionTransitionException(Status, to);
        var change = new ResolutionChange { From = Status, To = to, ByUserId = byUserId, ByName = byName, AtUtc = nowUtc, Note = note };
        Status = to;
        Version = Guid.NewGuid();
        Changes.Add(change);
        return change;
    }
}

using MayorsNetwork.Domain.Resolutions;

namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// One vote on a resolution, by its committee or by the plenary. Its electors are fixed when staff open it
/// (<see cref="Elector"/> rows); each elector city casts at most one ballot (a unique index). Staff close it;
/// the counts and the result are computed then, from the ballots, and kept here.
/// </summary>
public sealed class Vote
{
    public const string ResolutionNotReady = "vote.resolution-not-ready";
    public const string NoElectors = "vote.no-electors";
    public const string VoteClosed = "vote.closed";
    public const string NotAnElector = "vote.not-an-elector";
    public const string NotYourCity = "vote.not-your-city";
    public const string AlreadyVoted = "vote.already-voted";

    public int Id { get; set; }

    public int ResolutionId { get; private init; }

    public Resolution Resolution { get; set; } = null!;

    public VoteStage Stage { get; private init; }

    /// <summary>The meeting the resolution belongs to (plenary electors are the cities credentialed for it).</summary>
    public int MeetingId { get; private init; }

    /// <summary>The committee, for a committee vote.</summary>
    public int? BodyId { get; private init; }

    public bool IsOpen { get; private set; }

    public DateTime OpenedAtUtc { get; private init; }

    public string? OpenedByUserId { get; private init; }

    public string OpenedBy { get; private init; } = "";

    public DateTime? ClosedAtUtc { get; private set; }

    public string? ClosedByUserId { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>Copied from the resolution when the vote opens.</summary>
    public PassRule PassRule { get; private init; }

    public int QuorumPercent { get; private init; }

    public int ElectorCount { get; private init; }

    /// <summary>Counts at close (null while open).</summary>
    public int? Yes { get; private set; }

    public int? No { get; private set; }

    public int? Abstain { get; private set; }

    public bool? Passed { get; private set; }

    public bool IsClosed => ClosedAtUtc is not null;

    /// <summary>The final tally, once closed.</summary>
    public Tally? Result => IsClosed ? Tally.Of(ElectorCount, Yes, No, Abstain) : null;

    /// <summary>What the vote decided, once closed.</summary>
    public VoteOutcome? Outcome => IsClosed ? VoteOutcome.Recorded(Stage, Passed) : null;

    public List<Elector> Electors { get; private init; } = [];

    public List<Ballot> Ballots { get; private init; } = [];

    /// <summary>Whether the resolution is where a vote of this stage opens: a committee vote on a referred one, the plenary's on a recommended one.</summary>
    public static RuleResult CanOpen(Resolution resolution, VoteStage stage)
    {
        var needed = stage == VoteStage.Committee ? ResolutionStatus.Referred : ResolutionStatus.Recommended;
        if (resolution.Status == needed) return RuleResult.Ok();
        return RuleResult.Fail(ResolutionNotReady, stage == VoteStage.Committee
            ? $"A committee vote opens on a referred resolution; this one is {resolution.Status.Display()}."
            : $"The plenary votes on a resolution its committee recommended; this one is {resolution.Status.Display()}.");
    }

    /// <summary>
    /// Opens the resolution's vote of this stage with its electors, fixed from now on, copying the resolution's rule and
    /// quorum, and moves the resolution into the vote. Refused when the resolution is not ready or no city can vote.
    /// </summary>
    public static RuleResult<Vote> Open(Resolution resolution, VoteStage stage, IReadOnlyCollection<Elector> electors, string? byUserId, string byName, DateTime atUtc)
    {
        if (CanOpen(resolution, stage) is { Succeeded: false } refused) return RuleResult.Fail<Vote>(refused.Errors);
        if (electors.Count == 0)
        {
            return RuleResult.Fail<Vote>(NoElectors, stage == VoteStage.Committee
                ? "No city can vote: the committee has no current seat held by an Active member city."
                : "No city can vote: no Active member city is credentialed for this meeting yet.");
        }

        var vote = new Vote
        {
            ResolutionId = resolution.Id,
            Resolution = resolution,
            Stage = stage,
            MeetingId = resolution.MeetingId,
            BodyId = stage == VoteStage.Committee ? resolution.CommitteeId : null,
            IsOpen = true,
            OpenedAtUtc = atUtc,
            OpenedByUserId = byUserId,
            OpenedBy = byName,
            PassRule = resolution.PassRule,
            QuorumPercent = resolution.QuorumPercent,
            ElectorCount = electors.Count,
            Electors = [.. electors],
        };
        resolution.MoveTo(stage == VoteStage.Committee ? ResolutionStatus.InCommitteeVote : ResolutionStatus.InPlenaryVote,
            byUserId, byName, $"{stage.Display()} opened with {electors.Count} elector {(electors.Count == 1 ? "city" : "cities")}.", atUtc);
        return RuleResult.Ok(vote);
    }

    /// <summary>
    /// Accepts the city's ballot from the voter, in the capacity the city's <see cref="Elector.CapacityOf"/> gives them,
    /// while the vote is open; the city's elector row must be loaded. A city whose ballot is loaded has voted: its first
    /// ballot stands (the database's unique index says the same of one that is not loaded).
    /// </summary>
    public RuleResult<Ballot> Accept(int membershipId, BallotChoice choice, Voter voter, DateTime atUtc)
    {
        if (!Enum.IsDefined(choice)) throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unknown choice.");
        if (Electors.FirstOrDefault(e => e.MembershipId == membershipId) is not { } elector)
            return RuleResult.Fail<Ballot>(NotAnElector, "That city is not among the electors of this vote: only cities that were Active and credentialed (or on the committee) when it opened can vote.");
        if (elector.CapacityOf(voter) is not { } capacity)
            return RuleResult.Fail<Ballot>(NotYourCity, $"You cannot vote for {elector.City}: only its mayor or its credentialed alternate can.");
        if (!IsOpen || IsClosed) return RuleResult.Fail<Ballot>(VoteClosed, "This vote is closed; no more ballots are accepted.");
        if (Ballots.FirstOrDefault(b => b.MembershipId == membershipId) is { } first)
            return RuleResult.Fail<Ballot>(AlreadyVoted, AlreadyVotedMessage(elector.City, first));

        var ballot = new Ballot
        {
            VoteId = Id,
            MembershipId = membershipId,
            Choice = choice,
            CastByUserId = voter.UserId,
            CastByName = voter.Name,
            CastAs = capacity,
            CastAtUtc = atUtc,
        };
        Ballots.Add(ballot);
        return RuleResult.Ok(ballot);
    }

    /// <summary>What a second ballot for a city is told.</summary>
    public static string AlreadyVotedMessage(string city, Ballot first) =>
        $"{city} has already voted ({first.Choice}, cast by {first.CastByName}); the first ballot stands.";

    /// <summary>
    /// Closes the vote with its ballots counted by choice: keeps the counts, judges the outcome (<see cref="VoteOutcome.Of"/>)
    /// and moves the resolution on, its note explaining the result. The resolution must be loaded. Refused when already closed.
    /// </summary>
    public RuleResult Close(IEnumerable<(BallotChoice Choice, int Count)> ballots, string? byUserId, string byName, DateTime atUtc)
    {
        if (!IsOpen || IsClosed) return RuleResult.Fail(VoteClosed, "This vote is already closed.");
        if (Resolution is null) throw new InvalidOperationException("Closing a vote moves its resolution on: load the resolution with the vote.");
        var tally = Tally.Count(ElectorCount, ballots);
        var outcome = VoteOutcome.Of(Stage, tally, PassRule, QuorumPercent);
        IsOpen = false;
        ClosedAtUtc = atUtc;
        ClosedByUserId = byUserId;
        ClosedBy = byName;
        (Yes, No, Abstain, Passed) = (tally.Yes, tally.No, tally.Abstain, outcome.Passed);
        Resolution.MoveTo(outcome.ResolutionBecomes, byUserId, byName, $"{Stage.Display()} closed. {tally.Explain(PassRule, QuorumPercent)}", atUtc);
        return RuleResult.Ok();
    }
}

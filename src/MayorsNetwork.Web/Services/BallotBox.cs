using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Voting;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// The ballot box: staff open a vote and close it, mayors and alternates cast into it. The rules (who may cast, in
/// what capacity, what the close decides) are <see cref="Vote"/>'s; this service finds the electors, takes the locks
/// and saves. The electors are fixed at opening. One ballot per city per vote is the
/// database's rule (a unique index); the page only explains it. Casting and closing are serialised per
/// vote: a cast holds a shared lock (on PostgreSQL a shared advisory lock on the vote; on SQLite every write
/// transaction is exclusive) while it checks the vote is open and records the ballot, and closing takes the
/// lock exclusively before it counts. So no ballot is recorded after the close, and the count at close is
/// every ballot recorded.
/// </summary>
public sealed class BallotBox(PortalDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens the committee vote (resolution Referred) or the plenary vote (resolution Recommended).</summary>
    public async Task<(Outcome Outcome, int? VoteId)> OpenAsync(int resolutionId, VoteStage stage, string? byUserId, string byName, CancellationToken cancellationToken)
    {
        var resolution = await db.Resolutions.Include(r => r.Changes).FirstOrDefaultAsync(r => r.Id == resolutionId, cancellationToken);
        if (resolution is null) return (Outcome.Fail("This resolution no longer exists."), null);
        // Refused before the electors are looked up, when the resolution is not where this vote opens.
        if (Vote.CanOpen(resolution, stage) is { Succeeded: false } notReady) return (Outcome.Fail(notReady.Error!.Message), null);

        var electors = stage == VoteStage.Committee
            ? await CommitteeElectorsAsync(resolution, cancellationToken)
            : await PlenaryElectorsAsync(resolution.MeetingId, cancellationToken);
        var opened = Vote.Open(resolution, stage, electors, byUserId, byName, Now);
        if (!opened.Succeeded) return (Outcome.Fail(opened.Error!.Message), null);
        var vote = opened.Value;
        db.Votes.Add(vote);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another member of staff opened it (or changed the resolution) a moment ago.
            db.ChangeTracker.Clear();
            return (Outcome.Fail("This resolution changed while you were opening the vote; nothing was saved. Check its status and try again."), null);
        }

        return (Outcome.Ok, vote.Id);
    }

    private async Task<List<Elector>> CommitteeElectorsAsync(Resolution resolution, CancellationToken cancellationToken)
    {
        if (resolution.CommitteeId is not { } bodyId) return [];
        var today = DateOnly.FromDateTime(Now);
        var seats = await db.Seats.AsNoTracking()
            .Where(s => s.BodyId == bodyId && s.EndedAtUtc == null && s.StartsOn <= today && (s.EndsOn == null || s.EndsOn >= today)
                        && s.Membership.Status == MembershipStatus.Active)
            .Select(s => new { s.MembershipId, s.Membership.GovernmentId, s.Membership.Government.Name, s.Membership.Government.State, s.MayorName })
            .ToListAsync(cancellationToken);
        var alternates = await AlternatesAsync(resolution.MeetingId, cancellationToken);
        return seats.DistinctBy(s => s.MembershipId).Select(s => new Elector
        {
            MembershipId = s.MembershipId,
            GovernmentId = s.GovernmentId,
            City = $"{s.Name}, {s.State}",
            DelegateName = s.MayorName,
            AlternateName = alternates.GetValueOrDefault(s.MembershipId)?.Name,
            AlternateEmailKey = alternates.GetValueOrDefault(s.MembershipId)?.EmailKey,
        }).ToList();
    }

    private async Task<List<Elector>> PlenaryElectorsAsync(int meetingId, CancellationToken cancellationToken)
    {
        var credentialed = await db.Credentials.AsNoTracking()
            .Where(c => c.MeetingId == meetingId && c.Membership.Status == MembershipStatus.Active)
            .Select(c => new { c.MembershipId, c.Membership.GovernmentId, c.Membership.Government.Name, c.Membership.Government.State, c.DelegateName, c.AlternateName, c.AlternateEmail })
            .ToListAsync(cancellationToken);
        return credentialed.Select(c => new Elector
        {
            MembershipId = c.MembershipId,
            GovernmentId = c.GovernmentId,
            City = $"{c.Name}, {c.State}",
            DelegateName = c.DelegateName,
            AlternateName = c.AlternateName,
            AlternateEmailKey = EmailKey(c.AlternateEmail),
        }).ToList();
    }

    private sealed record Alternate(string? Name, string? EmailKey);

    private async Task<Dictionary<int, Alternate>> AlternatesAsync(int meetingId, CancellationToken cancellationToken) =>
        (await db.Credentials.AsNoTracking().Where(c => c.MeetingId == meetingId && c.AlternateEmail != null)
            .Select(c => new { c.MembershipId, c.AlternateName, c.AlternateEmail }).ToListAsync(cancellationToken))
        .ToDictionary(c => c.MembershipId, c => new Alternate(c.AlternateName, EmailKey(c.AlternateEmail)));

    /// <summary>Identity's normalised form of an address (upper case), so an alternate's account is matched as Identity matches logins.</summary>
    public static string? EmailKey(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToUpperInvariant();

    /// <summary>The cities the person may cast for in this vote: their own city's (as delegate) and any city naming them as alternate.</summary>
    public async Task<IReadOnlyList<VoterCity>> CitiesForAsync(int voteId, PortalUser user, CancellationToken cancellationToken)
    {
        var voter = VoterOf(user);
        var governmentId = voter.GovernmentId ?? -1;
        var emailKey = voter.ConfirmedEmailKey;
        // The query narrows to the electors the person could be (by the two indexed columns); the domain's rule decides.
        var electors = await db.Electors.AsNoTracking()
            .Where(e => e.VoteId == voteId && (e.GovernmentId == governmentId || (emailKey != null && e.AlternateEmailKey == emailKey)))
            .ToListAsync(cancellationToken);
        return electors
            .Select(e => (Elector: e, As: e.CapacityOf(voter)))
            .Where(x => x.As is not null)
            .Select(x => new VoterCity(x.Elector.MembershipId, x.Elector.City, x.As!.Value))
            .OrderBy(e => e.City, StringComparer.Ordinal).ToList();
    }

    /// <summary>The signed-in person as the casting rule sees them.</summary>
    private static Voter VoterOf(PortalUser user) => new(
        user.Id,
        string.IsNullOrWhiteSpace(user.FullName) ? user.Email ?? user.Id : user.FullName,
        user.GovernmentId,
        user.EmailConfirmed ? user.NormalizedEmail : null);

    /// <summary>
    /// Why a signed-in person has no city to cast for in this vote, in words a mayor understands: no city on the
    /// account, the city's membership not Active, not credentialed for the meeting, or not on the committee, as
    /// they stand now; a city that qualifies now but did not when the vote opened is told the electors were fixed then.
    /// </summary>
    public async Task<string> WhyNoBallotAsync(int voteId, PortalUser user, CancellationToken cancellationToken)
    {
        var vote = await db.Votes.AsNoTracking().Where(v => v.Id == voteId)
            .Select(v => new { v.Stage, v.MeetingId, v.BodyId, Meeting = db.Meetings.Where(m => m.Id == v.MeetingId).Select(m => m.Title).FirstOrDefault(),
                Body = db.Bodies.Where(b => b.Id == v.BodyId).Select(b => b.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (vote is null) return "This vote does not exist.";
        if (user.GovernmentId is not { } governmentId)
            return "Your account does not act for a member city, and no city has named you its alternate for this vote: only the mayor or the credentialed alternate of an elector city can vote.";
        var membership = await db.Memberships.AsNoTracking().Where(m => m.GovernmentId == governmentId)
            .Select(m => new { m.Id, m.Status, m.Government.Name, m.Government.State }).FirstOrDefaultAsync(cancellationToken);
        if (membership is null) return "Your account's city is not a member of the association, so it has no vote.";
        var city = $"{membership.Name}, {membership.State}";
        if (membership.Status != MembershipStatus.Active)
            return $"{city} cannot vote: its membership is {membership.Status}, and only Active member cities (dues paid) vote.";
        if (vote.Stage == VoteStage.Plenary)
        {
            var credentialed = await db.Credentials.AnyAsync(c => c.MeetingId == vote.MeetingId && c.MembershipId == membership.Id, cancellationToken);
            return credentialed
                ? $"{city} was not among this vote's electors when it opened (not yet credentialed for the {vote.Meeting}, or not yet Active then); the electors are fixed when a vote opens."
                : $"{city} is not credentialed for the {vote.Meeting}: only credentialed cities vote in the plenary. Ask the association's staff to credential your delegate.";
        }

        return $"{city} does not hold a seat on the {vote.Body}: only the committee's member cities vote in a committee vote.";
    }

    /// <summary>Casts the city's ballot, once. The checks here give the message; the unique index and the vote's lock give the guarantee.</summary>
    public async Task<CastOutcome> CastAsync(int voteId, int membershipId, BallotChoice choice, PortalUser user, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(choice)) return new(CastResult.NotAnElector, "Choose Yes, No or Abstain.");
        // The vote with the one elector row the cast needs (one query); the vote's open flag read here gives the quick
        // answer, the one read under the vote's lock below the guarantee.
        var vote = await db.Votes.AsNoTracking().Include(v => v.Electors.Where(e => e.MembershipId == membershipId))
            .FirstOrDefaultAsync(v => v.Id == voteId, cancellationToken);
        if (vote is null) return new(CastResult.NoSuchVote, "This vote does not exist.");
        var accepted = vote.Accept(membershipId, choice, VoterOf(user), Now);
        if (!accepted.Succeeded) return new(ResultOf(accepted.Error!.Code), accepted.Error.Message);
        var city = vote.Electors.First(e => e.MembershipId == membershipId).City;

        // SQLite has one writer at a time. A cast that finds the write lock taken is retried by
        // Microsoft.Data.Sqlite with blocking 150 ms sleeps, which under a storm of ballots stalls the thread
        // pool; so this process's casts queue here (asynchronously) for the lock instead.
        using var writer = await SqliteWriterGate.EnterAsync(db, cancellationToken);
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await IsOpenLockedAsync(voteId, forUpdate: false, cancellationToken))
                return new(CastResult.Closed, "This vote is closed; no more ballots are accepted.");
            var ballot = accepted.Value;
            db.Ballots.Add(ballot);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                return new(CastResult.Recorded, $"{city} voted {choice}. Your ballot is recorded and final.", ballot);
            }
            catch (DbUpdateException)
            {
                // The unique index refused a second ballot for the city (two devices, the alternate after the mayor, a double click).
                await tx.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        var first = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.VoteId == voteId && b.MembershipId == membershipId, cancellationToken);
        return first is null
            ? new(CastResult.Closed, "Your ballot could not be recorded; please try again.")
            : new(CastResult.AlreadyVoted, Vote.AlreadyVotedMessage(city, first), first);
    }

    private static CastResult ResultOf(string code) => code switch
    {
        Vote.NotAnElector => CastResult.NotAnElector,
        Vote.NotYourCity => CastResult.NotYourCity,
        Vote.VoteClosed => CastResult.Closed,
        Vote.AlreadyVoted => CastResult.AlreadyVoted,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a refusal of a ballot."),
    };

    /// <summary>Reads whether the vote is open, holding the vote's lock for the rest of the transaction (see <see cref="VoteLock"/>).</summary>
    private Task<bool> IsOpenLockedAsync(int voteId, bool forUpdate, CancellationToken cancellationToken) =>
        VoteLock.IsOpenLockedAsync(db, voteId, exclusive: forUpdate, cancellationToken);

    /// <summary>Closes the vote: after the last ballot in progress is recorded, counts, computes the result, and moves the resolution on.</summary>
    public async Task<Outcome> CloseAsync(int voteId, string? byUserId, string byName, CancellationToken cancellationToken)
    {
        // On SQLite, closing queues behind the casts of this process like any other cast (see CastAsync), instead
        // of competing with them through busy retries.
        using var writer = await SqliteWriterGate.EnterAsync(db, cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await IsOpenLockedAsync(voteId, forUpdate: true, cancellationToken))
            return Outcome.Fail("This vote is already closed.");
        var counts = await db.Ballots.Where(b => b.VoteId == voteId).GroupBy(b => b.Choice)
            .Select(g => new { Choice = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var vote = await db.Votes.Include(v => v.Resolution).ThenInclude(r => r.Changes).FirstAsync(v => v.Id == voteId, cancellationToken);
        var closed = vote.Close(counts.Select(c => (c.Choice, c.Count)), byUserId, byName, Now);
        if (!closed.Succeeded) return Outcome.Fail(closed.Error!.Message);
        await db.SaveChangesAsync(cancellationToken);
        // The commit evicts the cached results (PublicPageEviction): the resolution moved on, and the results of its
        // earlier votes show its status.
        await tx.CommitAsync(cancellationToken);
        return Outcome.Ok;
    }
}

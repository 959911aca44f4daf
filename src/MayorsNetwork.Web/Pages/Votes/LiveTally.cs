using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Web.Pages.Votes;

/// <summary>
/// The live tally's read model: a vote's counts now, as the tally page and its polling script show them (and the
/// staff vote page). For an open vote they are counted from the ballots recorded so far; for a closed one they are
/// those kept at close, with the outcome judged then.
/// </summary>
public sealed class LiveTally(PortalDbContext db)
{
    /// <summary>The vote's figures now, or null when there is no such vote.</summary>
    public async Task<TallyView?> ReadAsync(int voteId, CancellationToken cancellationToken)
    {
        var vote = await db.Votes.AsNoTracking().Where(v => v.Id == voteId)
            .Select(v => new { v.IsOpen, v.Stage, v.ElectorCount, v.QuorumPercent, v.Yes, v.No, v.Abstain, v.Passed, v.ClosedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (vote is null) return null;
        Tally tally;
        if (vote.ClosedAtUtc is not null)
        {
            tally = Tally.Of(vote.ElectorCount, vote.Yes, vote.No, vote.Abstain);
        }
        else
        {
            var counts = await db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId).GroupBy(b => b.Choice)
                .Select(g => new { Choice = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            tally = Tally.Count(vote.ElectorCount, counts.Select(c => (c.Choice, c.Count)));
        }

        return TallyView.From(tally, vote.IsOpen, vote.QuorumPercent, VoteOutcome.Recorded(vote.Stage, vote.Passed));
    }
}

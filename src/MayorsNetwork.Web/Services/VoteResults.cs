using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Pdf;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Read-only views of closed votes: the summary behind the results page, the roll call (every elector with
/// its ballot or none), and the adopted resolutions of a meeting for the policy report.
/// </summary>
public sealed class VoteResults(PortalDbContext db)
{
    public Task<VoteSummary?> SummaryAsync(int voteId, CancellationToken cancellationToken) =>
        db.Votes.AsNoTracking().Where(v => v.Id == voteId)
            .Join(db.Meetings, v => v.MeetingId, m => m.Id, (v, m) => new { v, m })
            .Select(x => new VoteSummary(x.v.Id, x.v.ResolutionId, x.v.Resolution.Title, x.v.Resolution.Status, x.v.Stage, x.m.Id, x.m.Title, x.m.StartsOn,
                x.v.PassRule, x.v.QuorumPercent, x.v.ElectorCount, x.v.OpenedAtUtc, x.v.OpenedBy, x.v.ClosedAtUtc, x.v.ClosedBy,
                x.v.ClosedAtUtc == null ? null : Tally.Of(x.v.ElectorCount, x.v.Yes, x.v.No, x.v.Abstain), x.v.Passed))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every elector city of the vote, by city name, with its ballot if it cast one (one query, a left join).</summary>
    public async Task<IReadOnlyList<RollCallRow>> RollCallAsync(int voteId, CancellationToken cancellationToken)
    {
        var rows = await (
                from e in db.Electors.AsNoTracking()
                where e.VoteId == voteId
                join b in db.Ballots.AsNoTracking() on new { e.VoteId, e.MembershipId } equals new { b.VoteId, b.MembershipId } into cast
                from b in cast.DefaultIfEmpty()
                select new
                {
                    e.City,
                    e.MembershipId,
                    Choice = b == null ? (BallotChoice?)null : b.Choice,
                    CastBy = b == null ? null : b.CastByName,
                    CastAs = b == null ? (CastAs?)null : b.CastAs,
                    CastAt = b == null ? (DateTime?)null : b.CastAtUtc,
                })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.City, StringComparer.Ordinal).ThenBy(r => r.MembershipId)
            .Select(r => new RollCallRow(r.City, r.Choice?.ToString() ?? RollCallRow.NotVoted, r.CastBy ?? "", r.CastAs?.ToString() ?? "",
                r.CastAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null))
            .ToList();
    }

    /// <summary>The resolutions the plenary of this meeting adopted, in the order they were submitted, with their plenary counts.</summary>
    public async Task<(Meeting? Meeting, IReadOnlyList<AdoptedResolution> Adopted)> AdoptedAsync(int meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null) return (null, []);
        var adopted = await db.Resolutions.AsNoTracking()
            .Where(r => r.MeetingId == meetingId && r.Status == ResolutionStatus.Adopted)
            .OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.Title,
                r.TextMarkdown,
                r.SponsorName,
                r.SponsorCity,
                Cosponsors = r.Cosponsors.Where(c => c.ConfirmedAtUtc != null).OrderBy(c => c.City).Select(c => c.MayorName + ", " + c.City).ToList(),
                Plenary = db.Votes.Where(v => v.ResolutionId == r.Id && v.Stage == VoteStage.Plenary)
                    .Select(v => new { v.ElectorCount, v.Yes, v.No, v.Abstain, v.ClosedAtUtc }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return (meeting, adopted.Select(r => new AdoptedResolution(
            r.Id,
            r.Title,
            $"{r.SponsorName}, {r.SponsorCity}",
            r.Cosponsors,
            r.Plenary is null ? null : Tally.Of(r.Plenary.ElectorCount, r.Plenary.Yes, r.Plenary.No, r.Plenary.Abstain),
            r.Plenary?.ClosedAtUtc,
            MarkdownText.Blocks(r.TextMarkdown))).ToList());
    }
}

using MayorsNetwork.Domain.Voting;

namespace MayorsNetwork.Domain.Meetings;

/// <summary>
/// Who is present at a meeting, live on the credential page (issue 17): the credentialed cities checked in, or whose
/// accepted proxy's holder is checked in, counted in cities and in weight, and whether that would make a quorum of
/// the given share under the meeting's rules (quorum counted as <see cref="MeetingRules.QuorumBasis"/> says).
/// </summary>
public sealed record MeetingPresence(int Cities, long Weight, int PresentCities, long PresentWeight, long QuorumNeeded, bool QuorumPresent)
{
    /// <param name="cities">Each credentialed city: its weight, whether it is checked in, and whether its proxy counts.</param>
    public static MeetingPresence Of(IEnumerable<(int Weight, bool CheckedIn, bool ProxyCounts)> cities, MeetingRules rules, int quorumPercent)
    {
        int count = 0, present = 0;
        long weight = 0, presentWeight = 0;
        foreach (var (w, checkedIn, proxy) in cities)
        {
            count++;
            weight += w;
            if (!checkedIn && !proxy) continue;
            present++;
            presentWeight += w;
        }

        var tally = new WeightedTally(count, weight, present, presentWeight, 0, 0, 0, 0);
        var tallyRules = rules.TallyRulesFor(Resolutions.PassRule.SimpleMajority, quorumPercent);
        return new MeetingPresence(count, weight, present, presentWeight, tally.QuorumNeeded(tallyRules), tally.QuorumMet(tallyRules));
    }
}

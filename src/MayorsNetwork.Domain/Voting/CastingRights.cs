using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Domain.Voting;

/// <summary>
/// Who may cast a city's ballot (issue 17): its delegate (the mayor), one of the first <see cref="MeetingRules.AlternatesAllowed"/>
/// alternates named on its credential, or the holder of its proxy when the meeting allows proxies, the proxy is
/// accepted and the holder is checked in. Whichever acts first casts the city's one ballot, which records the
/// capacity; a person who is more than one of these casts in the first that applies (delegate, alternate, proxy).
/// A proxy holder's ballot page lists every city they may cast for (<see cref="For"/>), each with its own choice.
/// </summary>
public static class CastingRights
{
    public const string NotElector = "ballot.not-elector";
    public const string AlreadyVoted = "ballot.already-voted";
    public const string ProxyNotCheckedIn = "ballot.proxy-not-checked-in";
    public const string ProxyNotAccepted = "ballot.proxy-not-accepted";

    /// <summary>The capacity in which the person may cast <paramref name="city"/>'s ballot, or null.</summary>
    /// <param name="emailKey">The person's confirmed email, normalised as the credential's alternates are (null when none or unconfirmed: an alternate is recognised by a confirmed address only, as today).</param>
    /// <param name="isCheckedIn">The person is checked in at the meeting (a proxy counts only then).</param>
    public static CastAs? CapacityFor(string userId, string? emailKey, ElectorCity city, MeetingRules rules, IEnumerable<Proxy> proxies, bool isCheckedIn)
    {
        if (city.DelegateUserIds.Contains(userId)) return CastAs.Delegate;
        if (emailKey is not null && city.AlternateEmailKeys.Take(rules.AlternatesAllowed).Contains(emailKey)) return CastAs.Alternate;
        if (rules.ProxiesAllowed && ProxyOf(city, userId, proxies) is { } proxy && proxy.Counts(isCheckedIn)) return CastAs.Proxy;
        return null;
    }

    /// <summary>Every elector city the person may cast for, in the electors' order.</summary>
    public static IReadOnlyList<BallotRight> For(string userId, string? emailKey, IEnumerable<ElectorCity> electors, MeetingRules rules,
        IEnumerable<Proxy> proxies, bool isCheckedIn)
    {
        var list = proxies as IReadOnlyCollection<Proxy> ?? proxies.ToList();
        return electors
            .Select(c => (City: c, As: CapacityFor(userId, emailKey, c, rules, list, isCheckedIn)))
            .Where(x => x.As is not null)
            .Select(x => new BallotRight(x.City.MembershipId, x.City.City, x.City.Weight, x.As!.Value))
            .ToList();
    }

    /// <summary>Whether the person may cast <paramref name="city"/>'s ballot now, and in what capacity; refused with why.</summary>
    /// <param name="existing">The city's ballot in this vote, if one was cast (the first to act wins).</param>
    public static RuleResult<CastAs> Check(string userId, string? emailKey, ElectorCity city, MeetingRules rules, IEnumerable<Proxy> proxies,
        bool isCheckedIn, Ballot? existing)
    {
        var list = proxies as IReadOnlyCollection<Proxy> ?? proxies.ToList();
        var capacity = CapacityFor(userId, emailKey, city, rules, list, isCheckedIn);
        if (capacity is null)
        {
            var proxy = rules.ProxiesAllowed ? ProxyOf(city, userId, list) : null;
            return proxy switch
            {
                { Status: ProxyStatus.Accepted } => RuleResult.Fail<CastAs>(ProxyNotCheckedIn,
                    $"You hold {city.City}'s proxy, but a proxy counts only while its holder is checked in at the meeting."),
                { Status: ProxyStatus.Offered } => RuleResult.Fail<CastAs>(ProxyNotAccepted,
                    $"You have been named {city.City}'s proxy: accept it before casting its ballot."),
                _ => RuleResult.Fail<CastAs>(NotElector, $"You cannot cast {city.City}'s ballot: only {WhoCan(rules)} can."),
            };
        }

        if (existing is not null)
            return RuleResult.Fail<CastAs>(AlreadyVoted,
                $"{city.City} has already voted: its ballot was cast by {existing.CastByName} as {Display(existing.CastAs)}. Each city casts one ballot, final once cast.");
        return RuleResult.Ok(capacity.Value);
    }

    public static string Display(CastAs capacity) => capacity switch
    {
        CastAs.Delegate => "delegate",
        CastAs.Alternate => "alternate",
        CastAs.Proxy => "proxy",
        _ => capacity.ToString(),
    };

    private static string WhoCan(MeetingRules rules)
    {
        var who = new List<string> { "its mayor" };
        if (rules.AlternatesAllowed > 0) who.Add(rules.AlternatesAllowed == 1 ? "its named alternate" : "its named alternates");
        if (rules.ProxiesAllowed) who.Add("the holder of its proxy");
        return who.Count == 1 ? who[0] : string.Join(", ", who.Take(who.Count - 1)) + " or " + who[^1];
    }

    private static Proxy? ProxyOf(ElectorCity city, string userId, IEnumerable<Proxy> proxies) =>
        proxies.FirstOrDefault(p => p.GrantorMembershipId == city.MembershipId && p.HolderUserId == userId && p.IsLive);
}

namespace MayorsNetwork.Domain.Meetings;

/// <summary>
/// A city's proxy for a meeting (issue 17), where the meeting's rules allow proxies. The credentialed city's mayor
/// designates the mayor of another credentialed city, or a named official of the same city with an account; the
/// holder accepts (or declines); the mayor can revoke it until the meeting's first vote opens; staff can refuse it
/// with a reason at any time (ballots already cast stand). A city has at most one live proxy (offered or accepted),
/// and a holder never carries more than the meeting's maximum of cities, offers included. A proxy counts only once
/// accepted, and only while its holder is checked in (<see cref="Counts"/>): OpenSlides once counted proxies of absent
/// people.
/// </summary>
public sealed class Proxy
{
    public const int ReasonMaxLength = 500;

    public const string ProxiesOff = "proxy.off";
    public const string TooLate = "proxy.too-late";
    public const string NotCredentialed = "proxy.not-credentialed";
    public const string AlreadyDesignated = "proxy.already-designated";
    public const string NotEligible = "proxy.not-eligible";
    public const string HolderFull = "proxy.holder-full";
    public const string NotHolder = "proxy.not-holder";
    public const string NotGrantor = "proxy.not-grantor";
    public const string WrongStatus = "proxy.wrong-status";
    public const string ReasonNeeded = "proxy.reason-needed";

    private Proxy()
    {
    }

    public int Id { get; set; }

    public int MeetingId { get; private set; }

    /// <summary>The city whose vote the proxy carries.</summary>
    public int GrantorMembershipId { get; private set; }

    public string GrantorCity { get; private set; } = "";

    public string DesignatedByUserId { get; private set; } = "";

    public string DesignatedByName { get; private set; } = "";

    public string HolderUserId { get; private set; } = "";

    public string HolderName { get; private set; } = "";

    public ProxyHolderKind HolderKind { get; private set; }

    /// <summary>The holder's own city (the grantor's, for an official of the same city).</summary>
    public int HolderMembershipId { get; private set; }

    public ProxyStatus Status { get; private set; } = ProxyStatus.Offered;

    public DateTime DesignatedAtUtc { get; private set; }

    public DateTime? AcceptedAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    public string? EndedBy { get; private set; }

    /// <summary>Staff's reason for refusing it, or the holder's or mayor's note when they ended it.</summary>
    public string? Reason { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>Offered or accepted: it blocks another proxy for the city and a place in the holder's maximum.</summary>
    public bool IsLive => Status is ProxyStatus.Offered or ProxyStatus.Accepted;

    /// <summary>Whether the proxy lets its holder cast the city's ballot now: accepted, and the holder checked in.</summary>
    public bool Counts(bool holderCheckedIn) => Status == ProxyStatus.Accepted && holderCheckedIn;

    /// <param name="rules">The meeting's rules (the proxy is for their meeting).</param>
    /// <param name="meetingProxies">The meeting's proxies so far (all of them, or at least the grantor's and the holder's).</param>
    public static RuleResult<Proxy> Designate(MeetingRules rules, ProxyGrantor grantor, ProxyCandidate holder,
        IEnumerable<Proxy> meetingProxies, DateTime nowUtc)
    {
        var meetingId = rules.MeetingId;
        if (!rules.ProxiesAllowed) return RuleResult.Fail<Proxy>(ProxiesOff, "This meeting's rules do not allow proxies.");
        if (rules.IsLocked) return RuleResult.Fail<Proxy>(TooLate, "The meeting's first vote has opened: proxies can no longer be designated.");
        if (!grantor.IsCredentialed)
            return RuleResult.Fail<Proxy>(NotCredentialed, $"{grantor.City} is not credentialed for this meeting, so it has no vote to give by proxy.");
        var live = meetingProxies.Where(p => p.IsLive && p.MeetingId == meetingId).ToList();
        if (live.Any(p => p.GrantorMembershipId == grantor.MembershipId))
            return RuleResult.Fail<Proxy>(AlreadyDesignated, $"{grantor.City} has already designated a proxy for this meeting; revoke it first.");

        ProxyHolderKind kind;
        if (string.IsNullOrWhiteSpace(holder.UserId))
            return RuleResult.Fail<Proxy>(NotEligible, $"{holder.Name} has no account on the portal: a proxy holder signs in to cast the ballot.", "HolderUserId");
        if (holder.UserId == grantor.MayorUserId)
            return RuleResult.Fail<Proxy>(NotEligible, "The mayor casts the city's vote as its delegate; name someone else as proxy.", "HolderUserId");
        if (holder.MembershipId == grantor.MembershipId)
        {
            kind = ProxyHolderKind.OfficialOfSameCity;
        }
        else if (holder.IsMayor && holder.CityIsCredentialed)
        {
            kind = ProxyHolderKind.MayorOfAnotherCity;
        }
        else
        {
            return RuleResult.Fail<Proxy>(NotEligible, holder.IsMayor
                ? $"{holder.Name}'s city, {holder.City}, is not credentialed for this meeting: a proxy from another city must be the mayor of a credentialed city."
                : $"{holder.Name} is not the mayor of {holder.City}: a proxy from another city must be the mayor of a credentialed city.", "HolderUserId");
        }

        var carried = live.Count(p => p.HolderUserId == holder.UserId);
        if (carried >= rules.MaxCitiesPerProxyHolder)
            return RuleResult.Fail<Proxy>(HolderFull,
                $"{holder.Name} already carries {carried} {(carried == 1 ? "city" : "cities")} by proxy, the most this meeting allows.", "HolderUserId");

        return RuleResult.Ok(new Proxy
        {
            MeetingId = meetingId,
            GrantorMembershipId = grantor.MembershipId,
            GrantorCity = grantor.City,
            DesignatedByUserId = grantor.MayorUserId,
            DesignatedByName = grantor.MayorName,
            HolderUserId = holder.UserId,
            HolderName = holder.Name,
            HolderKind = kind,
            HolderMembershipId = holder.MembershipId,
            DesignatedAtUtc = nowUtc,
        });
    }

    /// <summary>The holder accepts. Checked again against the maximum of accepted proxies (two offers may have crossed).</summary>
    public RuleResult Accept(string userId, MeetingRules rules, IEnumerable<Proxy> meetingProxies, DateTime nowUtc)
    {
        if (userId != HolderUserId) return RuleResult.Fail(NotHolder, "Only the person named as proxy can accept it.");
        if (Status != ProxyStatus.Offered) return RuleResult.Fail(WrongStatus, $"This proxy is {Describe(Status)}; it cannot be accepted.");
        if (!rules.ProxiesAllowed) return RuleResult.Fail(ProxiesOff, "This meeting's rules do not allow proxies.");
        var accepted = meetingProxies.Count(p => !IsSameAs(p) && p.MeetingId == MeetingId && p.HolderUserId == HolderUserId && p.Status == ProxyStatus.Accepted);
        if (accepted >= rules.MaxCitiesPerProxyHolder)
            return RuleResult.Fail(HolderFull, $"You already carry {accepted} {(accepted == 1 ? "city" : "cities")} by proxy, the most this meeting allows.");
        Status = ProxyStatus.Accepted;
        AcceptedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    /// <summary>The holder turns the proxy down (offered or accepted), until the first vote opens.</summary>
    public RuleResult Decline(string userId, MeetingRules rules, string? note, DateTime nowUtc)
    {
        if (userId != HolderUserId) return RuleResult.Fail(NotHolder, "Only the person named as proxy can decline it.");
        return End(ProxyStatus.Declined, rules, HolderName, note, nowUtc);
    }

    /// <summary>The city's mayor withdraws the proxy, until the first vote opens.</summary>
    /// <param name="isGrantorsMayor">The person acting is the grantor city's mayor (the one who designated it, or a successor).</param>
    public RuleResult Revoke(bool isGrantorsMayor, string byName, MeetingRules rules, DateTime nowUtc)
    {
        if (!isGrantorsMayor) return RuleResult.Fail(NotGrantor, $"Only the mayor of {GrantorCity} can revoke its proxy.");
        return End(ProxyStatus.Revoked, rules, byName, null, nowUtc);
    }

    /// <summary>Staff refuse the proxy, with a reason; allowed at any time while it is live.</summary>
    public RuleResult Refuse(string reason, string staffName, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Fail(ReasonNeeded, "Say why the proxy is refused; the city and the holder will see it.", nameof(Reason));
        if (reason.Trim().Length > ReasonMaxLength) return RuleResult.Fail(ReasonNeeded, $"The reason can be at most {ReasonMaxLength} characters.", nameof(Reason));
        if (!IsLive) return RuleResult.Fail(WrongStatus, $"This proxy is {Describe(Status)}; there is nothing to refuse.");
        Status = ProxyStatus.Refused;
        Reason = reason.Trim();
        EndedAtUtc = nowUtc;
        EndedBy = staffName;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }

    public static string Describe(ProxyStatus status) => status switch
    {
        ProxyStatus.Offered => "waiting for the holder to accept",
        ProxyStatus.Accepted => "accepted",
        ProxyStatus.Declined => "declined by the holder",
        ProxyStatus.Revoked => "revoked by the city",
        ProxyStatus.Refused => "refused by staff",
        _ => status.ToString(),
    };

    private bool IsSameAs(Proxy other) => ReferenceEquals(other, this) || (Id != 0 && other.Id == Id);

    private RuleResult End(ProxyStatus to, MeetingRules rules, string byName, string? note, DateTime nowUtc)
    {
        if (!IsLive) return RuleResult.Fail(WrongStatus, $"This proxy is {Describe(Status)} already.");
        if (rules.IsLocked)
            return RuleResult.Fail(TooLate, "The meeting's first vote has opened: the proxy stands (staff can still refuse it).");
        if (note is { Length: > ReasonMaxLength }) return RuleResult.Fail(ReasonNeeded, $"The note can be at most {ReasonMaxLength} characters.", nameof(Reason));
        Status = to;
        Reason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        EndedAtUtc = nowUtc;
        EndedBy = byName;
        Version = Guid.NewGuid();
        return RuleResult.Ok();
    }
}

using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Resolutions;

/// <summary>
/// Which cities may sponsor or cosponsor a resolution: members in good standing, that is Active, or in the
/// grace period after a missed due date (still members until they lapse). A newly approved city whose first
/// invoice is unpaid (Invoiced), an applicant, and a Lapsed, Rejected or Withdrawn city may not.
/// </summary>
public static class Sponsorship
{
    public static bool CanSponsor(MembershipStatus status) => status is MembershipStatus.Active or MembershipStatus.Grace;

    /// <summary>Why the city's mayor cannot submit a resolution, or null when they can.</summary>
    public static string? SponsorRefusal(MembershipStatus status) => CanSponsor(status)
        ? null
        : status switch
        {
            MembershipStatus.Applied or MembershipStatus.Approved or MembershipStatus.Invoiced =>
                $"Your city's membership is {status}: resolutions can be submitted once the first year's dues are paid and the membership is Active.",
            MembershipStatus.Lapsed =>
                "Your city's membership has lapsed (dues unpaid): a lapsed city cannot submit resolutions until its dues are paid.",
            _ => $"Your city's membership is {status}: only member cities that are Active (or in their grace period) can submit resolutions.",
        };

    /// <summary>Why a city cannot be named as a cosponsor, or null when it can.</summary>
    public static string? CosponsorRefusal(string city, MembershipStatus status) => CanSponsor(status)
        ? null
        : $"{city} cannot cosponsor: its membership is {status}, and only Active member cities (or those in their grace period) can.";
}

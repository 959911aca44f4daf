using System.Text;
using MayorsNetwork.Domain.Members;

namespace MayorsNetwork.Domain.Committees;

/// <summary>Who may hold a seat, what a valid term is, and how a body's address is made from its name.</summary>
public static class SeatRules
{
    /// <summary>True when the term includes the day: started on or before it, and ends on or after it (or has no end).</summary>
    public static bool TermCovers(DateOnly startsOn, DateOnly? endsOn, DateOnly day) => startsOn <= day && (endsOn is null || endsOn >= day);

    /// <summary>
    /// Null when a city in this membership status may hold a seat in this role; otherwise the reason, in
    /// words for staff. Members hold seats (Approved, Invoiced, Active, Grace); a lapsed or non-member city
    /// does not, except in an ex officio seat, which the association's officers hold whatever their city's standing.
    /// </summary>
    public static string? WhyCannotHold(MembershipStatus status, SeatRole role, string city)
    {
        if (role == SeatRole.ExOfficio || MembershipStatusRules.IsMember(status)) return null;
        return status == MembershipStatus.Lapsed
            ? $"{city}'s membership has lapsed, so its mayor cannot hold a seat (only an ex officio seat). Renew the membership first."
            : $"{city} is not a member (its membership is {status}), so its mayor cannot hold a seat (only an ex officio seat).";
    }

    public static bool MayHold(MembershipStatus status, SeatRole role) => WhyCannotHold(status, role, "The city") is null;

    /// <summary>Null when the term is valid; otherwise the reason.</summary>
    public static string? CheckTerm(DateOnly startsOn, DateOnly? endsOn) =>
        endsOn is { } end && end < startsOn
            ? string.Create(CultureInfo.InvariantCulture, $"The term cannot end ({end:MMMM d, yyyy}) before it starts ({startsOn:MMMM d, yyyy}).")
            : null;

    /// <summary>The address part for a name: lower case, accents dropped, words joined by hyphens ("Jobs, Education and the Workforce" → "jobs-education-and-the-workforce").</summary>
    public static string SlugFor(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0) slug.Append('-');
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (c == '&')
            {
                if (slug.Length > 0) slug.Append('-');
                slug.Append("and");
                pendingHyphen = true;
            }
            else pendingHyphen = true;
        }

        var text = slug.ToString();
        return text.Length <= 100 ? text : text[..100].TrimEnd('-');
    }
}

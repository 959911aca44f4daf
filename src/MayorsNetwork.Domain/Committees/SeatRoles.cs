namespace MayorsNetwork.Domain.Committees;

public static class SeatRoles
{
    public static readonly IReadOnlyList<SeatRole> All = [SeatRole.Chair, SeatRole.ViceChair, SeatRole.Member, SeatRole.ExOfficio];

    /// <summary>Chair first, then vice chair, members, ex officio.</summary>
    public static int RosterOrder(this SeatRole role) => role switch
    {
        SeatRole.Chair => 0,
        SeatRole.ViceChair => 1,
        SeatRole.Member => 2,
        _ => 3,
    };

    public static string Display(this SeatRole role) => role switch
    {
        SeatRole.Chair => "Chair",
        SeatRole.ViceChair => "Vice chair",
        SeatRole.Member => "Member",
        SeatRole.ExOfficio => "Ex officio",
        _ => role.ToString(),
    };

    /// <summary>Roles that at most one open seat per body may hold (a unique index in the database too).</summary>
    public static bool IsSingleHolder(this SeatRole role) => role is SeatRole.Chair or SeatRole.ViceChair;

    /// <summary>Reads a role from a form or query value ("Chair", "vicechair", "ViceChair"); null when unknown.</summary>
    public static SeatRole? Parse(string? value) =>
        Enum.TryParse<SeatRole>(value?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(value, out _) ? role : null;

    /// <summary>Orders a roster: by role (chair first), then by mayor's name, then by city.</summary>
    public static IEnumerable<T> InRosterOrder<T>(this IEnumerable<T> seats, Func<T, SeatRole> role, Func<T, string> mayor, Func<T, string> city) =>
        seats.OrderBy(s => role(s).RosterOrder())
            .ThenBy(s => mayor(s), StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => city(s), StringComparer.OrdinalIgnoreCase);
}

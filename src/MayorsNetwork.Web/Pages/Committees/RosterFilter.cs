using MayorsNetwork.Web.Pages.Join;

namespace MayorsNetwork.Web.Pages.Committees;

/// <summary>The roster filters as given in the address; unknown values are ignored rather than failing.</summary>
public sealed record RosterFilter(string? State, SeatRole? Role)
{
    public static RosterFilter Read(string? state, string? role)
    {
        var code = state?.Trim().ToUpperInvariant();
        return new RosterFilter(UsStates.IsValid(code) ? code : null, SeatRoles.Parse(role));
    }
}

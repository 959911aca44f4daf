using System.Security.Claims;

namespace MayorsNetwork.Web.Pages.Staff;

/// <summary>The name staff pages record as who did something ("credentialed by", "updated by").</summary>
public static class StaffNames
{
    /// <summary>The signed-in staff member's full name, or "Staff" when the account has none.</summary>
    public static async Task<string> StaffNameAsync(this UserManager<PortalUser> users, ClaimsPrincipal user) =>
        (await users.GetUserAsync(user))?.FullName ?? "Staff";
}

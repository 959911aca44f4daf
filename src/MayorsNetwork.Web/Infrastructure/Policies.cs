namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Authorization policies by name.</summary>
public static class Policies
{
    public const string Staff = "Staff";

    /// <summary>Admin-only staff work: the audit trail.</summary>
    public const string Admin = "Admin";
}

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Authorization policies by name.</summary>
public static class Policies
{
    public const string Staff = "Staff";
}

namespace MayorsNetwork.Infrastructure.Identity;

public static class Roles
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    public static readonly string[] All = [Staff, Admin];
}

using System.Security.Cryptography;

namespace MayorsNetwork.Web.Seeding;

/// <summary>Creates staff accounts from the command line (the first Admin) and for demo data.</summary>
public sealed class AdminAccounts(UserManager<PortalUser> users, TimeProvider clock)
{
    /// <summary>Creates a confirmed account in the given roles with a random password, returned once.</summary>
    public async Task<(PortalUser User, string Password)> CreateAsync(string email, string fullName, IEnumerable<string> roles)
    {
        var password = NewPassword();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = fullName,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("Could not create the account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.AddToRolesAsync(user, roles);
        return (user, password);
    }

    /// <summary>Five groups of five letters and digits: about 119 bits, easy to type.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 25);
        return string.Join('-', Enumerable.Range(0, 5).Select(i => new string(chars, i * 5, 5)));
    }
}

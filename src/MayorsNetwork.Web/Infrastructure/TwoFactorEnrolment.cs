using System.Security.Claims;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// Whether an account has a second factor, and whether this session used it: the one place the staff gate asks.
/// An account is enrolled with an authenticator app turned on, or with a passkey (issue 11, passkeys).
/// </summary>
public sealed class TwoFactorEnrolment(UserManager<PortalUser> users)
{
    /// <summary>
    /// The authentication method ("amr") a passkey sign-in writes into the session: RFC 8176's "pop", proof of
    /// possession of a key (a passkey may live in hardware or be synced), with user verification required.
    /// </summary>
    public const string PasskeyMethod = "pop";

    public const string MethodClaim = "amr";

    public async Task<bool> IsEnrolledAsync(PortalUser user) =>
        await users.GetTwoFactorEnabledAsync(user) || await HasPasskeyAsync(user);

    /// <summary>
    /// What a staff page needs of this session. With the authenticator app on, every password sign-in already asked for
    /// a code. With only a passkey, a password sign-in did not use it, so the person must sign in with the passkey:
    /// otherwise a stolen password alone would open the staff pages of any staff member who added a passkey.
    /// </summary>
    public async Task<StaffSessionCheck> CheckStaffSessionAsync(PortalUser user, ClaimsPrincipal session)
    {
        if (await users.GetTwoFactorEnabledAsync(user)) return StaffSessionCheck.Open;
        if (!await HasPasskeyAsync(user)) return StaffSessionCheck.MustEnrol;
        return session.HasClaim(MethodClaim, PasskeyMethod) ? StaffSessionCheck.Open : StaffSessionCheck.MustUsePasskey;
    }

    private async Task<bool> HasPasskeyAsync(PortalUser user) => (await users.GetPasskeysAsync(user)).Count > 0;
}

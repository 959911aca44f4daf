using System.Security.Claims;
using System.Text.Json;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Signs a person in with a passkey the browser returned. Identity verifies the signature against the challenge it
/// issued; then the rules every sign-in keeps apply here: a locked account stays locked, an unconfirmed one answers
/// as a failed attempt does and the attempt counts toward the lockout (issue 11, defect 8). The session records that
/// a passkey made it (<see cref="TwoFactorEnrolment.PasskeyMethod"/>), which the staff gate asks for.
/// </summary>
public sealed class PasskeySignIn(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, AuditTrail audit, ILogger<PasskeySignIn> logger)
{
    public async Task<SignInResult> SignInAsync(string credentialJson)
    {
        PasskeyAssertionResult<PortalUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (Exception e) when (e is InvalidOperationException or PasskeyException or JsonException or FormatException)
        {
            // No ceremony under way (no options were asked for, or they expired), or not what a browser sends: the
            // same answer as any passkey that does not sign in.
            logger.LogInformation("A passkey sign-in was refused: {Reason}", e.Message);
            return SignInResult.Failed;
        }

        if (!assertion.Succeeded)
        {
            logger.LogInformation("A passkey sign-in failed: {Reason}", assertion.Failure.Message);
            return SignInResult.Failed;
        }

        var user = assertion.User;
        if (await users.IsLockedOutAsync(user))
        {
            await audit.SignInFailedAsync(user, user.Email ?? "", "passkey", "account locked");
            return SignInResult.LockedOut;
        }

        if (!await signIn.CanSignInAsync(user))
        {
            await users.AccessFailedAsync(user);
            await audit.SignInFailedAsync(user, user.Email ?? "", "passkey", "email address not confirmed");
            return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
        }

        // The authenticator's new signature count (and backup state) is kept, as Identity's own passkey sign-in does.
        var updated = await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        if (!updated.Succeeded) return SignInResult.Failed;
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorEnrolment.MethodClaim, TwoFactorEnrolment.PasskeyMethod)]);
        await audit.SignInAsync(user, "passkey");
        logger.LogInformation("User {UserId} signed in with a passkey", user.Id);
        return SignInResult.Success;
    }
}

using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Tells an account's owner by email that something about its security changed (password changed or reset,
/// two-step verification turned off, a passkey added or removed), so that someone who did not do it learns of it and can act (issue 11, defect 4).
/// Links come from <see cref="PortalLinks"/> (Membership:PublicUrl), never from the request.
/// </summary>
public sealed class AccountNotices(Outbox outbox, PortalDbContext db, MembershipEmails emails, PortalLinks links, TimeProvider clock, IOptions<MembershipOptions> options)
{
    public Task PasswordChangedAsync(PortalUser user) => SendAsync(user, "Password changed",
        $"Your {Association} password was changed",
        $"The password of your {Association} account was changed on {Now}. Every other device signed in to it is signed out.");

    public Task PasswordResetAsync(PortalUser user) => SendAsync(user, "Password reset",
        $"Your {Association} password was reset",
        $"The password of your {Association} account was reset with a link from our email on {Now}.");

    public Task TwoFactorTurnedOffAsync(PortalUser user) => SendAsync(user, "Two-step verification off",
        $"Two-step verification is off for your {Association} account",
        $"Two-step verification was turned off for your {Association} account on {Now}. Signing in now needs only the password.");

    /// <summary>The passkey's name is the owner's own text: it is quoted in the email, never made a link.</summary>
    public Task PasskeyAddedAsync(PortalUser user, string passkeyName) => SendAsync(user, "Passkey added",
        $"A passkey was added to your {Association} account",
        $"A passkey named \u201c{passkeyName}\u201d was added to your {Association} account on {Now}. It can now sign in to the account without the password.");

    public Task PasskeyRemovedAsync(PortalUser user, string passkeyName) => SendAsync(user, "Passkey removed",
        $"A passkey was removed from your {Association} account",
        $"The passkey named \u201c{passkeyName}\u201d was removed from your {Association} account on {Now}. It can no longer sign in to it.");

    private string Association => options.Value.AssociationName;

    private string Now => clock.GetUtcNow().ToString("MMMM d, yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private async Task SendAsync(PortalUser user, string topic, string subject, string what)
    {
        var email = emails.SecurityChanged(user.FullName, subject, what, links.Page("/Account/ForgotPassword"), links.Page("/Account/Security"));
        email.EnqueueIn(outbox, topic, [user.Email!]);
        await db.SaveChangesAsync();
    }
}

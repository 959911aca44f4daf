using System.Globalization;
using System.Text.Encodings.Web;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Tells an account's owner by email that something about its security changed (password changed or reset,
/// two-step verification turned off), so that someone who did not do it learns of it and can act (issue 11, defect 4).
/// The only link is to the portal's own PublicUrl; nothing the user typed is ever made a link.
/// </summary>
public sealed class AccountNotices(Outbox outbox, PortalDbContext db, TimeProvider clock, IOptions<MembershipOptions> options)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public Task PasswordChangedAsync(PortalUser user) => SendAsync(user, "Password changed",
        $"Your {Association} password was changed",
        $"The password of your {Association} account was changed on {Now}.");

    public Task PasswordResetAsync(PortalUser user) => SendAsync(user, "Password reset",
        $"Your {Association} password was reset",
        $"The password of your {Association} account was reset with a link from our email on {Now}.");

    public Task TwoFactorTurnedOffAsync(PortalUser user) => SendAsync(user, "Two-step verification off",
        $"Two-step verification is off for your {Association} account",
        $"Two-step verification was turned off for your {Association} account on {Now}. Signing in now needs only the password.");

    private string Association => options.Value.AssociationName;

    private string Now => clock.GetUtcNow().ToString("MMMM d, yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private async Task SendAsync(PortalUser user, string topic, string subject, string what)
    {
        // Built from PublicUrl, never from the request: a forged Host header must not reach the owner's mailbox.
        var security = options.Value.PublicUrl.TrimEnd('/') + "/account/security";
        var reset = options.Value.PublicUrl.TrimEnd('/') + "/account/forgotpassword";
        const string ifYou = "If this was you, there is nothing to do.";
        const string ifNot = "If it was not you, someone may know your password: choose a new one now, then check your account's security settings.";
        var text = $"Dear {user.FullName},\n\n{what}\n\n{ifYou}\n\n{ifNot}\n\nReset your password: {reset}\n\nYour account's security: {security}\n\n{Association}\n";
        var html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">" +
                   $"<p>Dear {Html.Encode(user.FullName)},</p><p>{Html.Encode(what)}</p><p>{ifYou}</p><p>{Html.Encode(ifNot)}</p>" +
                   $"<p><a href=\"{Html.Encode(reset)}\">Reset your password</a></p>" +
                   $"<p><a href=\"{Html.Encode(security)}\">Your account's security</a></p>" +
                   $"<p>{Html.Encode(Association)}</p></body></html>";
        outbox.Enqueue(topic, [user.Email!], [], subject, text, html);
        await db.SaveChangesAsync();
    }
}

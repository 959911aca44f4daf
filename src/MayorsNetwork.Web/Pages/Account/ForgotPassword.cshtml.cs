using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>Emails a confirmed account a link to choose a new password.</summary>
public sealed class ForgotPasswordModel(UserManager<PortalUser> users, Outbox outbox, MembershipEmails emails, PortalLinks links, PortalDbContext db,
    IValidator<EmailLinkPageModel.InputModel> validator)
    : EmailLinkPageModel(users, outbox, db, validator)
{
    public bool Sent { get; private set; }

    protected override Task<bool> WantsLinkAsync(PortalUser user) => Users.IsEmailConfirmedAsync(user);

    protected override async Task<(string Topic, ComposedEmail Email)> ComposeAsync(PortalUser user)
    {
        var token = await Users.GeneratePasswordResetTokenAsync(user);
        return ("Password reset", emails.ResetPassword(user.FullName, links.ResetPassword(user.Email!, token)));
    }

    protected override IActionResult Answer()
    {
        Sent = true;
        return Page();
    }
}

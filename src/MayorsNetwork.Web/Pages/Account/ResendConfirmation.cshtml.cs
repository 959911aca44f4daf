using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>Emails an account still waiting for confirmation a new confirmation link.</summary>
public sealed class ResendConfirmationModel(UserManager<PortalUser> users, Outbox outbox, MembershipEmails emails, PortalLinks links, PortalDbContext db,
    IValidator<EmailLinkPageModel.InputModel> validator)
    : EmailLinkPageModel(users, outbox, db, validator)
{
    protected override Task<bool> WantsLinkAsync(PortalUser user) => Task.FromResult(!user.EmailConfirmed);

    protected override async Task<(string Topic, ComposedEmail Email)> ComposeAsync(PortalUser user)
    {
        var token = await Users.GenerateEmailConfirmationTokenAsync(user);
        return ("Email confirmation", emails.ConfirmEmail(user.FullName, links.ConfirmEmail(user.Id, token)));
    }

    protected override IActionResult Answer()
    {
        StatusMessage = "If that address has an account waiting for confirmation, we have sent a new link to it.";
        return RedirectToPage("/Account/Login");
    }
}

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>The link in the confirmation email lands here.</summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<PortalUser> users) : PortalPageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) || code.Length > 2_000) return;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return;
        Confirmed = (await users.ConfirmEmailAsync(user, code)).Succeeded;
    }
}

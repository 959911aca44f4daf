namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// A page about the signed-in person's own account (Security, TwoFactor): every handler works on the account as it is
/// now, and a session whose account no longer exists is asked to sign in again.
/// </summary>
public abstract class AccountPageModel(UserManager<PortalUser> users) : PortalPageModel
{
    protected UserManager<PortalUser> Users { get; } = users;

    public Task<IActionResult> OnGetAsync() => ForAccountAsync(PageAsync);

    /// <summary>Runs <paramref name="handle"/> with the signed-in account.</summary>
    protected async Task<IActionResult> ForAccountAsync(Func<PortalUser, Task<IActionResult>> handle) =>
        await Users.GetUserAsync(User) is { } user ? await handle(user) : Challenge();

    /// <summary>Shows the page for the account as it is now.</summary>
    protected async Task<IActionResult> PageAsync(PortalUser user)
    {
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Reads what the page shows about the account; never writes (a GET must change nothing).</summary>
    protected abstract Task LoadAsync(PortalUser user);
}

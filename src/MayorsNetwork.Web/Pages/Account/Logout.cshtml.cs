namespace MayorsNetwork.Web.Pages.Account;

/// <summary>Signing out is a POST (with antiforgery); the GET page only offers the button.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PortalUser> signIn) : PortalPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        StatusMessage = "You are signed out.";
        return RedirectToPage("/Index");
    }
}

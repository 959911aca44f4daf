using MayorsNetwork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>One place for an account's security: password, two-step verification, and signing out other devices.</summary>
public sealed class SecurityModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    /// <summary>A new security stamp ends every other session at its next check; this one is signed in again.</summary>
    public async Task<IActionResult> OnPostSignOutOthersAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = "Every other device signed in to your account is signed out (within five minutes).";
        return RedirectToPage();
    }
}

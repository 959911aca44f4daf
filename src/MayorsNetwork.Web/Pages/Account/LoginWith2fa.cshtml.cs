using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.AuthPolicy)]
public sealed class LoginWith2faModel(SignInManager<PortalUser> signIn) : PortalPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/Login");
        var typed = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (typed.Length is < 6 or > 20)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app, or a recovery code.");
            return Page();
        }

        var digits = typed.Replace("-", "", StringComparison.Ordinal);
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, RememberMe, RememberMachine)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(typed));
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Page("/Account/Index")!);
        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 5 minutes."
            : "That code is not right. Codes change every 30 seconds; try the current one.");
        return Page();
    }

    // Identity stores recovery codes as upper-case XXXXX-XXXXX and compares them exactly; accept them typed
    // in lower case or without the dash.
    private static string RecoveryCode(string typed)
    {
        var code = typed.ToUpperInvariant();
        return code.Length == 10 && !code.Contains('-', StringComparison.Ordinal) ? $"{code[..5]}-{code[5..]}" : code;
    }
}

using System.Text;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// Two-step verification with an authenticator app. Opening the page changes nothing; making a key, turning it on
/// and turning it off are each a POST, and turning it off needs the password or a current code (issue 11, defect 3).
/// </summary>
public sealed class TwoFactorModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountNotices notices, IOptions<MembershipOptions> options) : PortalPageModel
{
    public const string WrongCode = "That code is not right. Enter the 6-digit code your app shows now.";

    public const string WrongConfirmation = "That is neither your password nor a current code from your app.";

    public bool Enabled { get; private set; }

    public string SharedKey { get; private set; } = "";

    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>The set-up link as a QR code, SVG made on the server from <see cref="AuthenticatorUri"/>.</summary>
    public string QrCodeSvg { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>Set when a staff page sent a staff member here to enrol first.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Makes a new key (and so a new security stamp, which signs other sessions out).</summary>
    public async Task<IActionResult> OnPostSetUpAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { required = Required ? "true" : null });
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))) return RedirectToPage();
        if (!await IsCurrentCodeAsync(user, Input.Code))
        {
            ModelState.AddModelError("Input.Code", WrongCode);
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        Required = false;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError("Input.Confirmation", "Too many failed attempts: try again in 5 minutes.");
            await LoadAsync(user);
            return Page();
        }

        var confirmation = Input.Confirmation?.Trim() ?? "";
        var confirmed = confirmation.Length > 0
            && (await IsCurrentCodeAsync(user, confirmation) || (confirmation.Length <= 128 && await users.CheckPasswordAsync(user, confirmation)));
        if (!confirmed)
        {
            // A guess here counts toward the lockout, as on the sign-in page.
            await users.AccessFailedAsync(user);
            ModelState.AddModelError("Input.Confirmation", WrongConfirmation);
            await LoadAsync(user);
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await notices.TwoFactorTurnedOffAsync(user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Two-step verification is off.";
        return RedirectToPage();
    }

    private async Task<bool> IsCurrentCodeAsync(PortalUser user, string? typed)
    {
        var code = (typed ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
    }

    /// <summary>Reads the state; never writes (a GET must not reset the key).</summary>
    private async Task LoadAsync(PortalUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key)) return;

        SharedKey = Group(key);
        var issuer = Uri.EscapeDataString(options.Value.AssociationName);
        AuthenticatorUri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        QrCodeSvg = AuthenticatorQrCode.Svg(AuthenticatorUri);
    }

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The turn-on form's code, or the turn-off form's confirmation.</summary>
    public sealed class InputModel
    {
        /// <summary>The code the app shows, to turn two-step verification on.</summary>
        public string? Code { get; set; }

        /// <summary>The password or a current code, to turn two-step verification off.</summary>
        public string? Confirmation { get; set; }
    }
}

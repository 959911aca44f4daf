using System.Text;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// Two-step verification with an authenticator app. Opening the page changes nothing; making a key, turning it on
/// and turning it off are each a POST, and turning it off needs the password or a current code (issue 11, defect 3).
/// </summary>
public sealed class TwoFactorModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountNotices notices, IOptions<MembershipOptions> options) : AccountPageModel(users)
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

    /// <summary>Makes a new key (and so a new security stamp, which signs other sessions out).</summary>
    public Task<IActionResult> OnPostSetUpAsync() => ForAccountAsync(async user =>
    {
        if (await Users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        await Users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { required = Required ? "true" : null });
    });

    public Task<IActionResult> OnPostEnableAsync() => ForAccountAsync(async user =>
    {
        if (string.IsNullOrEmpty(await Users.GetAuthenticatorKeyAsync(user))) return RedirectToPage();
        if (!await IsCurrentCodeAsync(user, Input.Code))
        {
            ModelState.AddModelError("Input.Code", WrongCode);
            return await PageAsync(user);
        }

        await Users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        Enabled = true;
        Required = false;
        return Page();
    });

    public Task<IActionResult> OnPostDisableAsync() => ForAccountAsync(async user =>
    {
        if (!await Users.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        if (await Users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError("Input.Confirmation", "Too many failed attempts: try again in 5 minutes.");
            return await PageAsync(user);
        }

        var confirmation = Input.Confirmation?.Trim() ?? "";
        var confirmed = confirmation.Length > 0
            && (await IsCurrentCodeAsync(user, confirmation) || (confirmation.Length <= 128 && await Users.CheckPasswordAsync(user, confirmation)));
        if (!confirmed)
        {
            // A guess here counts toward the lockout, as on the sign-in page.
            await Users.AccessFailedAsync(user);
            ModelState.AddModelError("Input.Confirmation", WrongConfirmation);
            return await PageAsync(user);
        }

        await Users.ResetAccessFailedCountAsync(user);
        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await notices.TwoFactorTurnedOffAsync(user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Two-step verification is off.";
        return RedirectToPage();
    });

    private async Task<bool> IsCurrentCodeAsync(PortalUser user, string? typed)
    {
        var code = (typed ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return code.Length == 6 && code.All(char.IsAsciiDigit)
            && await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code);
    }

    /// <summary>Reads the state; never writes (a GET must not reset the key).</summary>
    protected override async Task LoadAsync(PortalUser user)
    {
        Enabled = await Users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await Users.GetAuthenticatorKeyAsync(user);
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

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
public sealed class LoginWith2faModel(SignInManager<PortalUser> signIn, AuditTrail audit, IValidator<LoginWith2faModel.InputModel> validator) : SignInPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

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
        ModelState.Clear();
        validator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();

        var typed = Typed(Input.Code);
        var digits = typed.Replace("-", "", StringComparison.Ordinal);
        var byApp = digits.Length == 6 && digits.All(char.IsAsciiDigit);
        var result = byApp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, RememberMe, Input.RememberMachine)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(typed));
        var method = byApp ? "password and authenticator code" : "password and recovery code";
        if (result.Succeeded) await audit.SignInAsync(user, method);
        else await audit.SignInFailedAsync(user, user.Email ?? "", method, result.IsLockedOut ? "account locked" : "wrong code");
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Page("/Account/Index")!);
        ModelState.AddModelError("Input.Code", result.IsLockedOut
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

    /// <summary>The code as typed, without the spaces an app shows or a person adds.</summary>
    private static string Typed(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());

    public sealed class InputModel
    {
        /// <summary>The 6-digit code from the app, or a recovery code.</summary>
        public string? Code { get; set; }

        public bool RememberMachine { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Code).Must(c => Typed(c).Length is >= 6 and <= 20)
                .WithMessage("Enter the 6-digit code from your authenticator app, or a recovery code.");
        }
    }
}

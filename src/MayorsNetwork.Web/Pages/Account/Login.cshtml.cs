namespace MayorsNetwork.Web.Pages.Account;

public sealed class LoginModel(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, PasskeySignIn passkeys, AuditTrail audit, IValidator<LoginModel.InputModel> validator, ILogger<LoginModel> logger) : SignInPageModel
{
    public const string PasskeyFailed = "That passkey did not sign you in. Use your password, or try another passkey.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    /// <summary>"required" when a staff page sent a password-only session here to sign in with the passkey.</summary>
    [BindProperty(SupportsGet = true, Name = "passkey")]
    public string? PasskeyPrompt { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        validator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        // Wrong password and unknown address read the same, so the page does not reveal who has an account.
        const string failed = "The email address or password is not right.";
        if (user is null)
        {
            await audit.SignInFailedAsync(null, Input.Email!, "password", "no account with that address");
            NeedsConfirmation = true;
            ModelState.AddModelError("", failed);
            return Page();
        }

        if (!await users.IsEmailConfirmedAsync(user))
        {
            // Identity would answer "not allowed" before looking at the password, which tells a guesser that the
            // address has an account and lets them guess without end. Instead: the same answer whether or not the
            // password was right, and every attempt counts toward the lockout (issue 11, defect 8).
            if (!await users.IsLockedOutAsync(user)) await users.AccessFailedAsync(user);
            await audit.SignInFailedAsync(user, Input.Email!, "password", "email address not confirmed");
            NeedsConfirmation = true;
            ModelState.AddModelError("", await users.IsLockedOutAsync(user) ? Locked : failed);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.SignInAsync(user, "password");
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(SafeReturnUrl());
        }

        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        await audit.SignInFailedAsync(user, Input.Email!, "password", result.IsLockedOut ? "account locked" : "wrong password");
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            ModelState.AddModelError("", Locked);
            return Page();
        }

        NeedsConfirmation = true;
        ModelState.AddModelError("", failed);
        return Page();
    }

    /// <summary>
    /// The WebAuthn request options, as JSON for the browser. No account is named: the authenticator offers the
    /// passkeys it holds for this portal, so the answer tells nobody which addresses have accounts.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrEmpty(Input.CredentialJson))
        {
            ModelState.AddModelError("", Input.PasskeyError is { Length: > 0 }
                ? "Your browser gave no passkey. If you cancelled, try again; otherwise sign in with your password."
                : "Signing in with a passkey needs JavaScript and a browser that supports passkeys. Sign in with your password instead.");
            return Page();
        }

        var result = await passkeys.SignInAsync(Input.CredentialJson);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl());
        ModelState.AddModelError("", result.IsLockedOut ? Locked : PasskeyFailed);
        return Page();
    }

    private const string Locked = "Too many failed attempts: this account is locked for 5 minutes. Try again later, or reset your password.";

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Page("/Account/Index")!;

    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }

        /// <summary>What navigator.credentials.get() returned, as JSON; filled in by passkeys.js (the passkey form).</summary>
        public string? CredentialJson { get; set; }

        /// <summary>Why the browser gave no passkey, from passkeys.js (the passkey form).</summary>
        public string? PasskeyError { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Email).Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Enter your email address.")
                .MaximumLength(254).WithMessage("That is not an email address we know.");
            RuleFor(x => x.Password).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Enter your password.")
                .MaximumLength(InputRules.PasswordMaxLength).WithMessage("The email address or password is not right.");
        }
    }
}

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// Change the password, knowing the current one (issue 11, defect 4). Identity rotates the security stamp with the
/// password, so every other session of the account is signed out; this one is signed in again; the owner is emailed.
/// </summary>
public sealed class ChangePasswordModel(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AccountNotices notices, IValidator<ChangePasswordModel.InputModel> validator) : PortalPageModel
{
    public const string WrongCurrent = "That is not your current password.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        ModelState.Clear();
        validator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError("Input.CurrentPassword", "Too many failed attempts: try again in 5 minutes.");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                var mismatch = e.Code == nameof(IdentityErrorDescriber.PasswordMismatch);
                ModelState.AddModelError(mismatch ? "Input.CurrentPassword" : "Input.NewPassword", mismatch ? WrongCurrent : e.Description);
            }

            // A wrong current password is a guess: it counts toward the lockout, as on the sign-in page.
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))) await users.AccessFailedAsync(user);
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await notices.PasswordChangedAsync(user);
        await signIn.RefreshSignInAsync(user);
        StatusMessage = "Your password is changed. Other devices signed in to your account are signed out.";
        return RedirectToPage("/Account/Security");
    }

    public sealed class InputModel
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).Must(p => !string.IsNullOrEmpty(p)).WithMessage("Enter your current password.")
                .MaximumLength(InputRules.PasswordMaxLength).WithMessage(WrongCurrent);
            RuleFor(x => x.NewPassword).NewPassword();
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("The two passwords do not match.");
        }
    }
}

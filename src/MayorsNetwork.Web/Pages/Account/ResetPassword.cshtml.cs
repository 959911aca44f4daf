namespace MayorsNetwork.Web.Pages.Account;

public sealed class ResetPasswordModel(UserManager<PortalUser> users, AccountNotices notices, IValidator<ResetPasswordModel.InputModel> validator) : SignInPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet(string? email, string? code)
    {
        Input.Email = email;
        Input.Code = code;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        validator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        var result = user is null ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" })
            : await users.ResetPasswordAsync(user, Input.Code!, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "InvalidToken" ? "" : "Input.Password",
                    e.Code == "InvalidToken" ? "This reset link does not work: it may be used or expired. Ask for a new one." : e.Description);
            return Page();
        }

        // Ending the lockout too: a person who proved they own the address may sign in again.
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        await notices.PasswordResetAsync(user!);
        StatusMessage = "Your password is changed. Sign in with the new one.";
        return RedirectToPage("/Account/Login");
    }

    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Code { get; set; }

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Email).EmailAddress("your email address");
            RuleFor(x => x.Code).Must(c => !string.IsNullOrEmpty(c) && c.Length < 2_000).WithMessage("This reset link is incomplete. Open the link from the email again.");
            RuleFor(x => x.Password).NewPassword();
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("The two passwords do not match.");
        }
    }
}

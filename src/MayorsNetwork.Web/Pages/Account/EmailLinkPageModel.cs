using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// A form that emails a link to the address typed without telling whether the address has an account: the
/// address is checked for its form only, the link goes out when the account wants one, and the page answers the
/// same either way (ForgotPassword, ResendConfirmation).
/// </summary>
public abstract class EmailLinkPageModel(UserManager<PortalUser> users, Outbox outbox, PortalDbContext db, IValidator<EmailLinkPageModel.InputModel> validator)
    : SignInPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    protected UserManager<PortalUser> Users => users;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        validator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is not null && await WantsLinkAsync(user))
        {
            var (topic, email) = await ComposeAsync(user);
            email.EnqueueIn(outbox, topic, [user.Email!]);
            await db.SaveChangesAsync();
        }

        return Answer();
    }

    /// <summary>Whether this account is sent the link (a confirmed account for a reset, an unconfirmed one for confirmation).</summary>
    protected abstract Task<bool> WantsLinkAsync(PortalUser user);

    /// <summary>The outbox topic and the email with the link; the link's host is Membership:PublicUrl, never this request's Host header.</summary>
    protected abstract Task<(string Topic, ComposedEmail Email)> ComposeAsync(PortalUser user);

    /// <summary>The answer, the same whether or not a link went out.</summary>
    protected abstract IActionResult Answer();

    public sealed class InputModel
    {
        public string? Email { get; set; }
    }

    /// <summary>The address's form only: whether it has an account is never told.</summary>
    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Email).Must(e => InputRules.IsEmail(e?.Trim())).WithMessage("Enter your email address in the form name@example.gov.");
        }
    }
}

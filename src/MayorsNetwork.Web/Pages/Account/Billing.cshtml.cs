using System.ComponentModel.DataAnnotations;
using System.Security.Claims;

namespace MayorsNetwork.Web.Pages.Account;

/// <summary>
/// The city's billing contact and up to five CC addresses, who receive its invoices, reminders and receipts (issue 14,
/// item 3). The city's mayor or liaison changes them; anyone else acting for the city sees them. Every change is listed
/// with who made it and when, newest first.
/// </summary>
public sealed class BillingModel(PortalDbContext db, BillingContacts contacts, IValidator<BillingModel.InputModel> validator) : PortalPageModel
{
    public BillingContactsSummary? Summary { get; private set; }

    /// <summary>Whether the signed-in person may change the contacts (the city's mayor or liaison).</summary>
    public bool MayEdit { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Summary is { } s)
        {
            Input = new InputModel { Name = s.Billing.Name, Email = s.Billing.Email, Phone = s.Billing.Phone, Cc = string.Join("\n", s.Cc), Version = s.Version };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var account = await LoadAsync(cancellationToken);
        if (Summary is null || account is null) return NotFound();
        if (!MayEdit) return Forbid();

        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (ModelState.IsValid)
        {
            var billing = new Contact { Name = Input.Name!, Email = Input.Email!, Phone = Input.Phone! };
            var editor = new BillingContactEditor(account.Id, account.FullName, account.Email ?? "");
            var (outcome, changed) = await contacts.ChangeAsync(account.GovernmentId!.Value, Input.Version, billing, Input.CcAddresses(), editor, cancellationToken);
            if (outcome.Succeeded)
            {
                StatusMessage = changed == 0
                    ? "Nothing was changed: the billing contacts are as they were."
                    : "The billing contacts are saved. Invoices, reminders and receipts go to them from now on.";
                return RedirectToPage();
            }

            outcome.Errors.AddTo(ModelState);
            // Changed meanwhile: the form now carries the contacts' current version, so saving again applies what was typed.
            await LoadAsync(cancellationToken);
            Input.Version = Summary!.Version;
        }

        return Page();
    }

    /// <summary>Reads the city's contacts and whether this account may change them; returns the account when it acts for a city.</summary>
    private async Task<PortalUser?> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        if (account.GovernmentId is not { } governmentId) return null;
        Summary = await BillingContacts.SummaryAsync(db, governmentId, cancellationToken);
        var government = await db.Governments.AsNoTracking().SingleAsync(g => g.Id == governmentId, cancellationToken);
        // An unconfirmed address proves nothing about who holds the account.
        MayEdit = account.EmailConfirmed && government.MayEditBillingContacts(account.Email);
        return account;
    }

    public sealed class InputModel
    {
        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        /// <summary>The CC addresses, one a line (commas, semicolons and spaces separate them too).</summary>
        [DataType(DataType.MultilineText)]
        public string? Cc { get; set; }

        public Guid Version { get; set; }

        public IReadOnlyList<string> CcAddresses() =>
            (Cc ?? "").Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Name).PersonOrPlaceName("the billing contact's name");
            RuleFor(x => x.Email).EmailAddress("the billing contact's email address");
            RuleFor(x => x.Phone).Phone("the billing contact's phone number");
            RuleFor(x => x.Cc).Custom((_, context) =>
            {
                var bad = context.InstanceToValidate.CcAddresses().FirstOrDefault(a => a.Length > FieldLimits.Email || !InputRules.IsEmail(a));
                if (bad is not null) context.AddFailure($"{bad} is not an email address: enter each CC address in the form name@example.gov, one a line.");
                // Stored as JSON as EF Core writes it (the default encoder escapes '+' to six characters): the column must hold it.
                else if (System.Text.Json.JsonSerializer.Serialize(context.InstanceToValidate.CcAddresses()).Length > FieldLimits.BillingCc)
                    context.AddFailure("The CC addresses are too long to store together: shorten or remove one (each '+' counts as six characters).");
            });
        }
    }
}

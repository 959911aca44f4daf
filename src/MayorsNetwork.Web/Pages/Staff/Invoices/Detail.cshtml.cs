using System.ComponentModel.DataAnnotations;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Pages.Staff.Invoices;

/// <summary>One invoice: its lines, payments, balance and emails; download, resend, void, record a payment.</summary>
public sealed class DetailModel(PortalDbContext db, InvoiceLedger ledger, UserManager<PortalUser> users, TimeProvider clock, IValidator<DetailModel.InputModel> paymentValidator) : PortalPageModel
{
    public Invoice Invoice { get; private set; } = null!;

    public MembershipStatus MembershipStatus { get; private set; }

    public IReadOnlyList<EmailRow> Emails { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The city's billing contacts as they are now and their history (issue 14): who the next emails go to.</summary>
    public BillingContactsSummary? BillingContacts { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The PO and vendor numbers form (issue 14), posted to its own handler.</summary>
    [BindProperty]
    public BillingReferencesInput References { get; set; } = new();

    /// <summary>The "awaits council approval" form (issue 14, item 5), posted to its own handlers.</summary>
    [BindProperty]
    public CouncilHoldInput Council { get; set; } = new();

    /// <summary>The invoice's council hold with its changes, or null when none was recorded.</summary>
    public CouncilHold? Hold { get; private set; }

    public static IReadOnlyList<(PaymentMethod Method, string Label)> Methods { get; } =
    [
        (PaymentMethod.Check, "Check"),
        (PaymentMethod.Ach, "ACH"),
        (PaymentMethod.Wire, "Wire"),
        (PaymentMethod.Card, "Card"),
        (PaymentMethod.Other, "Other"),
    ];

    public static string Label(PaymentMethod method) => Methods.FirstOrDefault(m => m.Method == method).Label ?? method.ToString();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input.ReceivedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.Method = nameof(PaymentMethod.Check);
        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        paymentValidator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid || !AmountInput.TryParse(Input.Amount, out var amount)) return await RedisplayAsync(id, cancellationToken);

        var entry = new PaymentEntry(
            amount,
            DateOnly.ParseExact(Input.ReceivedOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum.Parse<PaymentMethod>(Input.Method!),
            Input.Reference?.Trim() ?? "");
        var staff = await users.GetUserAsync(User);
        var result = await ledger.RecordPaymentAsync(id, Input.Version, entry, staff!, cancellationToken);
        if (!result.Succeeded) return await FailAsync(id, result, cancellationToken);

        var after = await db.Invoices.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Number, i.Status, i.MemberName, Membership = i.Membership.Status }).SingleAsync(cancellationToken);
        StatusMessage = after.Status == InvoiceStatus.Paid
            ? $"Payment of {MayorsNetwork.Domain.Money.Format(amount)} recorded. Invoice {after.Number} is paid in full; {after.MemberName}'s membership is {after.Membership}."
            : $"Payment of {MayorsNetwork.Domain.Money.Format(amount)} recorded on invoice {after.Number}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostVoidAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var reason = Input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            ModelState.AddModelError($"Input.{InvoiceLedger.ReasonField}", "Give the reason for voiding the invoice.");
        else if (reason.Length > FieldLimits.Reason)
            ModelState.AddModelError($"Input.{InvoiceLedger.ReasonField}", $"The reason must be {FieldLimits.Reason:N0} characters or fewer.");
        if (!ModelState.IsValid) return await RedisplayAsync(id, cancellationToken);

        var staff = await users.GetUserAsync(User);
        var result = await ledger.VoidAsync(id, Input.Version, reason!, staff!, cancellationToken);
        if (!result.Succeeded) return await FailAsync(id, result, cancellationToken);
        StatusMessage = "The invoice is void. Its number will not be used again.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await ledger.ResendAsync(id, cancellationToken);
        if (!result.Succeeded) return await FailAsync(id, result, cancellationToken);
        StatusMessage = "The invoice will be emailed again to the billing contact, with the city's CC addresses and the mayor in copy. Its progress is under Emails below.";
        return RedirectToPage(new { id });
    }

    /// <summary>Sets the PO and vendor numbers printed on the invoice; the re-rendered invoice is emailed again if asked.</summary>
    public async Task<IActionResult> OnPostReferencesAsync(int id, [FromServices] BillingReferences references, [FromServices] IValidator<BillingReferencesInput> referencesValidator, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        (await referencesValidator.ValidateAsync(References, cancellationToken)).AddTo(ModelState, nameof(References));
        if (!ModelState.IsValid) return await RedisplayReferencesAsync(id, cancellationToken);
        var result = await references.SetOnInvoiceAsync(id, Input.Version, References.PurchaseOrderNumber, References.VendorNumber, References.EmailAgain, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, nameof(References));
            return await RedisplayReferencesAsync(id, cancellationToken);
        }

        StatusMessage = "The PO and vendor numbers are saved; the PDF shows them." + (References.EmailAgain ? " The updated invoice will be emailed again to the billing contact, with the city's CC addresses and the mayor in copy." : "");
        return RedirectToPage(new { id });
    }

    /// <summary>Records that payment awaits council approval, expected by a date, or moves that date.</summary>
    public async Task<IActionResult> OnPostCouncilHoldAsync(int id, [FromServices] CouncilHolds holds, [FromServices] IValidator<CouncilHoldInput> councilValidator, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        (await councilValidator.ValidateAsync(Council, cancellationToken)).AddTo(ModelState, nameof(Council));
        if (!ModelState.IsValid) return await RedisplayCouncilAsync(id, cancellationToken);
        var staff = await users.GetUserAsync(User);
        var result = await holds.SetAsync(id, Council.Version, Council.Date(), Council.Note, staff!.Id, staff.FullName, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, nameof(Council));
            return await RedisplayCouncilAsync(id, cancellationToken);
        }

        StatusMessage = $"Payment awaits council approval, expected by {Council.Date():MMMM d, yyyy}: no reminders until then, and the membership stays as it is.";
        return RedirectToPage(new { id });
    }

    /// <summary>Ends the council hold today: from today the invoice's clock runs again.</summary>
    public async Task<IActionResult> OnPostLiftCouncilHoldAsync(int id, [FromServices] CouncilHolds holds, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var staff = await users.GetUserAsync(User);
        var result = await holds.LiftAsync(id, Council.Version, Council.Note, staff!.Id, staff.FullName, cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, nameof(Council));
            return await RedisplayCouncilAsync(id, cancellationToken);
        }

        StatusMessage = "The invoice no longer awaits council approval; reminders and the membership's standing run again from today.";
        return RedirectToPage(new { id });
    }

    /// <summary>The page again after a refused council date: what was typed, and the hold's version as it is now (saving again applies it).</summary>
    private async Task<IActionResult> RedisplayCouncilAsync(int id, CancellationToken cancellationToken)
    {
        var page = await RedisplayReferencesAsync(id, cancellationToken);
        Council.Version = Hold?.Version ?? Guid.Empty;
        return page;
    }

    /// <summary>The page again after a refused PO or vendor number: the payment form as on a first visit, the numbers as typed.</summary>
    private async Task<IActionResult> RedisplayReferencesAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Input.ReceivedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.Method = nameof(PaymentMethod.Check);
        return Page();
    }

    private async Task<IActionResult> FailAsync(int id, Outcome result, CancellationToken cancellationToken)
    {
        result.Errors.AddTo(ModelState);
        return await RedisplayAsync(id, cancellationToken);
    }

    /// <summary>Shows the page again with what was typed and the errors, and the invoice as it is now.</summary>
    private async Task<IActionResult> RedisplayAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Payments)
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invoice is null) return false;
        Invoice = invoice;
        // A newer version replaces the one posted: after a conflict the form works on what is shown.
        Input.Version = invoice.Version;
        Hold = await db.CouncilHolds.AsNoTracking().Include(h => h.Changes).FirstOrDefaultAsync(h => h.InvoiceId == id, cancellationToken);
        var membership = await db.Memberships.AsNoTracking().Where(m => m.Id == invoice.MembershipId).Select(m => new { m.Status, m.GovernmentId }).SingleAsync(cancellationToken);
        MembershipStatus = membership.Status;
        BillingContacts = await Services.BillingContacts.SummaryAsync(db, membership.GovernmentId, cancellationToken);
        Emails = await db.OutboxMessages.AsNoTracking().Where(m => m.InvoiceId == id || (m.PaymentId != null && m.Payment!.InvoiceId == id))
            .OrderBy(m => m.Id)
            .Select(m => new EmailRow(m.Subject, m.To, m.Cc, m.Status, m.Attempts, m.LastError, m.CreatedAtUtc, m.SentAtUtc, m.MessageId))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record EmailRow(string Subject, string To, string Cc, OutboxStatus Status, int Attempts, string? LastError, DateTime CreatedAtUtc, DateTime? SentAtUtc, string MessageId);

    /// <summary>The invoice's forms: a payment (amount, date, method, reference) or a void (reason), each with the version of the invoice shown.</summary>
    public sealed class InputModel
    {
        public Guid Version { get; set; }

        public string? Amount { get; set; }

        public string? ReceivedOn { get; set; }

        public string? Method { get; set; }

        public string? Reference { get; set; }

        [DataType(DataType.MultilineText)]
        public string? Reason { get; set; }
    }

    /// <summary>The payment form's own checks; the rules about the invoice (balance, dates, status) are the ledger's.</summary>
    public sealed class PaymentValidator : AbstractValidator<InputModel>
    {
        public PaymentValidator()
        {
            RuleFor(x => x.Amount)
                .Must(a => !string.IsNullOrWhiteSpace(a)).WithMessage("Enter the amount received.")
                .Must(a => string.IsNullOrWhiteSpace(a) || AmountInput.TryParse(a, out _)).WithMessage(AmountInput.Example);
            RuleFor(x => x.ReceivedOn)
                .Must(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                .WithMessage("Enter the date the payment was received.");
            RuleFor(x => x.Method)
                .Must(m => Enum.TryParse<PaymentMethod>(m, out var method) && Enum.IsDefined(method) && !int.TryParse(m, out _))
                .WithMessage("Choose how the payment was made.");
            RuleFor(x => x.Reference)
                .MaximumLength(FieldLimits.Name).WithMessage($"The reference must be {FieldLimits.Name} characters or fewer.");
        }
    }
}

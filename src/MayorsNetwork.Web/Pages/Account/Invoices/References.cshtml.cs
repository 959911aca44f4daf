using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Pages.Account.Invoices;

/// <summary>
/// The city adds its purchase-order number and vendor number to one of its unpaid invoices (issue 14); the PDF shows
/// them at once, and the updated invoice can be emailed again to the billing contact. Another city's number is "not found".
/// </summary>
public sealed class ReferencesModel(PortalDbContext db, BillingReferences references, IValidator<BillingReferencesInput> validator) : PortalPageModel
{
    [BindProperty]
    public BillingReferencesInput Input { get; set; } = new();

    public string Number { get; private set; } = "";

    public string BillingEmail { get; private set; } = "";

    /// <summary>Why the numbers can no longer be changed (paid or void), or null.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (await FindAsync(number, cancellationToken) is not { } invoice) return NotFound();
        Input = new BillingReferencesInput { PurchaseOrderNumber = invoice.PurchaseOrderNumber, VendorNumber = invoice.VendorNumber, EmailAgain = true, Version = invoice.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await FindAsync(number, cancellationToken) is not { } invoice) return NotFound();
        if (Closed is not null) return Page();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();

        var outcome = await references.SetOnInvoiceAsync(invoice.Id, Input.Version, Input.PurchaseOrderNumber, Input.VendorNumber, Input.EmailAgain, cancellationToken);
        if (!outcome.Succeeded)
        {
            outcome.Errors.AddTo(ModelState);
            // Changed meanwhile: the form now carries the invoice as it is, so saving again applies what was typed.
            if (await FindAsync(number, cancellationToken) is { } now) Input.Version = now.Version;
            return Page();
        }

        StatusMessage = $"Invoice {invoice.Number} saved: its PDF now shows " + Shown(Input) +
                        (Input.EmailAgain ? $". It will be emailed again to {BillingEmail}." : ".");
        return RedirectToPage("./Index");
    }

    private static string Shown(BillingReferencesInput input)
    {
        var po = BillingReference.ParsePurchaseOrder(input.PurchaseOrderNumber).Value;
        var vendor = BillingReference.ParseVendorNumber(input.VendorNumber).Value;
        return (po, vendor) switch
        {
            (null, null) => "no PO or vendor number",
            (_, null) => $"PO number {po}",
            (null, _) => $"vendor number {vendor}",
            _ => $"PO number {po} and vendor number {vendor}",
        };
    }

    private async Task<Invoice?> FindAsync(string number, CancellationToken cancellationToken)
    {
        var governmentId = await db.GovernmentIdAsync(User, cancellationToken);
        if (governmentId is null) return null;
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Number == number && i.Membership.GovernmentId == governmentId, cancellationToken);
        if (invoice is null) return null;
        Number = invoice.Number;
        // Where the email goes now (BillingRecipients), which may differ from the contact printed on the invoice when it was issued.
        BillingEmail = await db.Governments.Where(g => g.Id == governmentId).Select(g => g.Billing.Email).SingleAsync(cancellationToken);
        Closed = BillingReference.CannotChangeOn(invoice)?.Message;
        return invoice;
    }
}

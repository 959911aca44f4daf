using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// A city's purchase-order and vendor numbers (issue 14): on an unpaid invoice, set by the city or by staff, with the
/// re-rendered invoice emailed again to the billing contact if asked (through the outbox); and the city's standing
/// vendor number, printed on every invoice issued to it. Errors are keyed by <see cref="PurchaseOrderField"/> and
/// <see cref="VendorField"/>, the names the forms' inputs use.
/// </summary>
public sealed class BillingReferences(PortalDbContext db, InvoiceIssuer issuer, MembershipEmails emails)
{
    public const string PurchaseOrderField = "PurchaseOrderNumber";
    public const string VendorField = "VendorNumber";

    /// <param name="version">The version the person was looking at (staff), or null to take the invoice as it is now.</param>
    public async Task<Outcome> SetOnInvoiceAsync(int invoiceId, Guid? version, string? purchaseOrderNumber, string? vendorNumber, bool emailAgain, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Payments).Include(i => i.Membership).ThenInclude(m => m.Government)
            .FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null) return Outcome.Fail("That invoice no longer exists.");
        if (version is { } seen && seen != invoice.Version) return Outcome.Fail(ChangedMeanwhile(invoice));
        var result = invoice.SetBillingReferences(purchaseOrderNumber, vendorNumber);
        if (!result.Succeeded) return Refused(result);
        if (emailAgain) issuer.QueueEmail(invoice, emails.InvoiceReferencesChanged(invoice), "Invoice updated");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The worker marked it sent, or someone paid or changed it, between reading and saving.
            db.ChangeTracker.Clear();
            var now = await db.Invoices.AsNoTracking().Include(i => i.Payments).FirstAsync(i => i.Id == invoiceId, cancellationToken);
            return Outcome.Fail(ChangedMeanwhile(now));
        }
    }

    /// <summary>
    /// The city's standing vendor number. Its unpaid invoices that printed the previous standing number (or none) print
    /// the new one; an invoice given a vendor number of its own keeps it, and paid or void invoices stay as they were.
    /// </summary>
    public async Task<Outcome> SetStandingVendorNumberAsync(int governmentId, string? vendorNumber, CancellationToken cancellationToken)
    {
        var government = await db.Governments.FirstOrDefaultAsync(g => g.Id == governmentId, cancellationToken);
        if (government is null) return Outcome.Fail("That city is not on record.");
        var previous = government.VendorNumber;
        var result = government.SetVendorNumber(vendorNumber);
        if (!result.Succeeded) return Refused(result);
        var open = await db.Invoices.Include(i => i.Payments)
            .Where(i => i.Membership.GovernmentId == governmentId && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Sent))
            .ToListAsync(cancellationToken);
        foreach (var invoice in open.Where(i => i.VendorNumber is null || i.VendorNumber == previous))
            invoice.SetBillingReferences(invoice.PurchaseOrderNumber, government.VendorNumber);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Fail("One of the city's invoices changed while the vendor number was being saved. Nothing was changed; save it again.");
        }
    }

    private static Outcome Refused(RuleResult result) =>
        new(result.Errors.Select(e => new KeyValuePair<string, string>(e.Property ?? "", e.Message)).ToList());

    private static string ChangedMeanwhile(Invoice invoice) =>
        $"Invoice {invoice.Number} changed while you were looking at it (it is now {invoice.Status}). Nothing was changed; check it below and save again.";
}

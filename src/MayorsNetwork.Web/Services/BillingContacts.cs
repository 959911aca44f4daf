using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// A city's billing contact and CC addresses (issue 14, item 3), changed by its mayor or liaison on /account/billing:
/// <see cref="Government.ChangeBillingContacts"/>'s rules, each change recorded with who made it and when, and the
/// version the person was looking at checked so a change made meanwhile is not overwritten. Errors are keyed by the
/// page's input names (<see cref="NameField"/>, <see cref="EmailField"/>, <see cref="PhoneField"/>, <see cref="CcField"/>).
/// Who receives billing mail is <see cref="BillingRecipients"/>.
/// </summary>
public sealed class BillingContacts(PortalDbContext db, TimeProvider clock)
{
    public const string NameField = "Name", EmailField = "Email", PhoneField = "Phone", CcField = "Cc";

    /// <summary>Saves the contacts; returns the outcome and how many fields changed (0: nothing to record).</summary>
    public async Task<(Outcome Outcome, int Changed)> ChangeAsync(int governmentId, Guid version, Contact billing, IReadOnlyList<string> cc, BillingContactEditor by, CancellationToken cancellationToken)
    {
        var government = await db.Governments.FirstOrDefaultAsync(g => g.Id == governmentId, cancellationToken);
        if (government is null) return (Outcome.Fail("That city is not on record."), 0);
        if (government.BillingContactsVersion != version) return (Outcome.Fail(await ChangedMeanwhileAsync(governmentId, cancellationToken)), 0);
        var result = government.ChangeBillingContacts(billing, cc, by, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded) return (new Outcome(result.Errors.Select(e => new KeyValuePair<string, string>(e.Property ?? "", e.Message)).ToList()), 0);
        if (result.Value.Count == 0) return (Outcome.Ok, 0);
        db.BillingContactChanges.AddRange(result.Value);
        // Unpaid invoices are addressed to the new contact: their PDF (rendered at sending) and the greeting of every
        // email about them (reminders, re-sends) name whom the email now goes to. Paid and void ones stay as they were.
        var open = await db.Invoices.Where(i => i.Membership.GovernmentId == governmentId && (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Sent))
            .ToListAsync(cancellationToken);
        foreach (var invoice in open)
        {
            invoice.BillingName = government.Billing.Name;
            invoice.BillingEmail = government.Billing.Email;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (Outcome.Ok, result.Value.Count);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (Outcome.Fail(await ChangedMeanwhileAsync(governmentId, cancellationToken)), 0);
        }
        catch (DbUpdateException)
        {
            // Anything else the database refused (a value too long for its column, say): a message, never a 500.
            db.ChangeTracker.Clear();
            return (Outcome.Fail("The billing contacts could not be saved. Nothing was changed; check the addresses and try again, or ask the association's staff."), 0);
        }
    }

    /// <summary>The city's billing contact, CC addresses and version, and the history of changes, newest first.</summary>
    public static async Task<BillingContactsSummary?> SummaryAsync(PortalDbContext db, int governmentId, CancellationToken cancellationToken)
    {
        var government = await db.Governments.AsNoTracking().Where(g => g.Id == governmentId)
            .Select(g => new { g.Name, g.State, g.Billing, g.BillingCc, g.BillingContactsVersion, g.Mayor.Email, g.VendorNumber })
            .FirstOrDefaultAsync(cancellationToken);
        if (government is null) return null;
        var history = await db.BillingContactChanges.AsNoTracking().Where(c => c.GovernmentId == governmentId)
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);
        return new BillingContactsSummary($"{government.Name}, {government.State}", government.Billing, government.BillingCc, government.Email,
            government.BillingContactsVersion, government.VendorNumber, history);
    }

    private async Task<string> ChangedMeanwhileAsync(int governmentId, CancellationToken cancellationToken)
    {
        var last = await db.BillingContactChanges.AsNoTracking().Where(c => c.GovernmentId == governmentId)
            .OrderByDescending(c => c.AtUtc).ThenByDescending(c => c.Id).Select(c => c.ByName).FirstOrDefaultAsync(cancellationToken);
        return $"The billing contacts were changed{(last is null ? "" : $" by {last}")} while you were editing them. Nothing was changed; check them below and save again.";
    }
}

using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// What staff do to an issued invoice: record a payment, void it, send it again. Each action checks the
/// version of the invoice the staff member was looking at, so two people working on one invoice at once
/// cannot both record its last payment: one wins, the other is told what changed and nothing is written.
/// </summary>
public sealed class InvoiceLedger(PortalDbContext db, InvoiceIssuer issuer, MembershipEmails emails, Outbox outbox, TimeProvider clock)
{
    /// <summary>Field keys the page shows errors under.</summary>
    public const string AmountField = "Amount", ReceivedOnField = "ReceivedOn", ReasonField = "Reason";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Records a payment; when it pays the invoice in full, the invoice is Paid and the membership Active, in one save.</summary>
    public async Task<Outcome> RecordPaymentAsync(int invoiceId, Guid version, PaymentEntry entry, PortalUser staff, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Payments).Include(i => i.Membership).ThenInclude(m => m.Government)
            .FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null) return Outcome.Fail("That invoice no longer exists.");
        // Refusals about the invoice itself come first: they hold whatever version was seen.
        if (invoice.Status is InvoiceStatus.Void or InvoiceStatus.Paid) return Outcome.Fail(invoice.CannotPay(entry.Amount)!);
        if (invoice.Version != version) return Outcome.Fail(ChangedMeanwhile(invoice, "Nothing was recorded"));

        var errors = new List<KeyValuePair<string, string>>();
        if (invoice.CannotPay(entry.Amount) is { } amountError) errors.Add(new(AmountField, amountError));
        if (entry.ReceivedOn > Today)
            errors.Add(new(ReceivedOnField, $"The date received cannot be in the future (today is {Today:MMMM d, yyyy})."));
        else if (entry.ReceivedOn < invoice.IssuedOn)
            errors.Add(new(ReceivedOnField, $"The date received cannot be before the invoice was issued on {invoice.IssuedOn:MMMM d, yyyy}."));
        if (errors.Count > 0) return new Outcome(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var paidInFull = invoice.Pay(entry.Amount, entry.ReceivedOn, entry.Method, entry.Reference, staff.FullName, now);
        var membership = invoice.Membership;
        if (paidInFull && DuesStanding.StatusOnPayment(membership.Status) is { } next && MembershipStatusRules.CanMove(membership.Status, next))
            membership.MoveTo(next, staff.Id, staff.FullName, $"Invoice {invoice.Number} paid in full", now);
        QueueReceipt(invoice, invoice.Payments.Single(p => p.Id == 0));
        return await SaveAsync(invoiceId, "Nothing was recorded", cancellationToken);
    }

    /// <summary>
    /// Queues the payment's receipt (or acknowledgement of a part payment) to the city's billing recipients, in the
    /// payment's own transaction; the worker renders its PDF when it sends it.
    /// </summary>
    private void QueueReceipt(Invoice invoice, Payment payment)
    {
        var government = invoice.Membership.Government;
        var receipt = PaymentReceipt.For(invoice, payment);
        var recipients = BillingRecipients.For(government);
        var message = emails.PaymentReceived(receipt, government.Billing.Name)
            .EnqueueIn(outbox, $"{receipt.Title} {receipt.Number}: {invoice.MemberName}, {invoice.MemberState}", [recipients.To], recipients.Cc);
        message.Payment = payment;
    }

    public async Task<Outcome> VoidAsync(int invoiceId, Guid version, string reason, PortalUser staff, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Payments).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null) return Outcome.Fail("That invoice no longer exists.");
        if (invoice.CannotVoid() is { } why) return Outcome.Fail(why);
        if (invoice.Version != version) return Outcome.Fail(ChangedMeanwhile(invoice, "It was not voided"));
        invoice.MarkVoid(reason, staff.FullName, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(invoiceId, "It was not voided", cancellationToken);
    }

    /// <summary>Queues the invoice's email again, with the PDF as the invoice stands when the worker sends it.</summary>
    public async Task<Outcome> ResendAsync(int invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.Include(i => i.Payments).Include(i => i.Membership).ThenInclude(m => m.Government).FirstOrDefaultAsync(i => i.Id == invoiceId, cancellationToken);
        if (invoice is null) return Outcome.Fail("That invoice no longer exists.");
        if (invoice.Status == InvoiceStatus.Void) return Outcome.Fail($"Invoice {invoice.Number} is void; it is not sent again.");
        issuer.QueueEmail(invoice, emails.InvoiceIssued(invoice), "Invoice");
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok;
    }

    private async Task<Outcome> SaveAsync(int invoiceId, string nothingDone, CancellationToken cancellationToken)
    {
        try
        {
            // The invoice's (and membership's) version is checked by the UPDATE itself; the payment is
            // inserted in the same transaction, so a lost race writes nothing.
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Invoices.AsNoTracking().Include(i => i.Payments).FirstAsync(i => i.Id == invoiceId, cancellationToken);
            return Outcome.Fail(ChangedMeanwhile(current, nothingDone));
        }
    }

    private static string ChangedMeanwhile(Invoice invoice, string nothingDone)
    {
        var last = invoice.Payments.OrderByDescending(p => p.RecordedAtUtc).FirstOrDefault();
        var what = invoice.Status switch
        {
            InvoiceStatus.Void => $"it was voided by {invoice.VoidedBy}",
            InvoiceStatus.Paid when last is not null => $"a payment of {Money.Format(last.Amount)} was recorded by {last.RecordedBy} and it is now paid in full",
            _ when last is not null => $"the last payment recorded is {Money.Format(last.Amount)} by {last.RecordedBy}, and the balance is now {Money.Format(invoice.Balance)}",
            _ => $"it is now {invoice.Status}, with a balance of {Money.Format(invoice.Balance)}",
        };
        return $"Invoice {invoice.Number} was changed by someone else while you were looking at it: {what}. {nothingDone}; check the invoice below and try again if you still need to.";
    }
}

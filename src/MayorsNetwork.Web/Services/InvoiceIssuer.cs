using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Infrastructure.Jobs;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// Issues an invoice inside the caller's transaction: allocates its number, prices it from the dues
/// schedule of its fiscal year, and queues its email (the worker renders the PDF and sends it). A new member's
/// first invoice follows <c>Invoices:FirstYear</c> (<see cref="FirstYearBilling"/>).
/// </summary>
public sealed class InvoiceIssuer(
    PortalDbContext db,
    DuesCalculator dues,
    Outbox outbox,
    MembershipEmails emails,
    IOptions<InvoiceOptions> terms,
    IOptions<MembershipOptions> membershipOptions,
    TimeProvider clock)
{
    public async Task<Invoice> IssueAsync(Membership membership, int fiscalYear, InvoiceKind kind, CancellationToken cancellationToken)
    {
        var fy = new FiscalYear(fiscalYear, membershipOptions.Value.FiscalYearStartMonth);
        var schedule = await dues.ScheduleForAsync(fiscalYear, cancellationToken)
                       ?? throw new InvalidOperationException($"No dues schedule is in force for fiscal year {fiscalYear}.");
        // The population staff recorded for that year (issue 14, next year's figures), else the one the city gave.
        var figures = await db.PopulationFigures.AsNoTracking()
            .Where(f => f.GovernmentId == membership.GovernmentId && f.FiscalYear <= fiscalYear).ToListAsync(cancellationToken);
        var population = Domain.Dues.PopulationFigure.InForce(figures, fiscalYear, membership.Government.Population);
        var quote = schedule.Quote(population, newMember: kind == InvoiceKind.FirstYear);
        var sequence = await InvoiceNumberAllocator.NextAsync(db, fiscalYear, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var invoice = Invoice.Create(membership, sequence, quote, fy, kind, today, terms.Value.DaysToPay, schedule.NewMemberDiscountPercent);
        db.Invoices.Add(invoice);
        QueueEmail(invoice, emails.InvoiceIssued(invoice), "Invoice");
        return invoice;
    }

    /// <summary>
    /// A newly approved member's first invoice, approved today: the fiscal year billed, its period (from today) and its
    /// lines are <see cref="FirstYearBilling.Plan"/>'s under the configured first-year policy.
    /// </summary>
    public async Task<Invoice> IssueFirstAsync(Membership membership, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var bill = await dues.FirstYearBillAsync(today, membership.Government.Population, cancellationToken)
                   ?? throw new InvalidOperationException($"No dues schedule is in force for {dues.CurrentFiscalYear}.");
        var sequence = await InvoiceNumberAllocator.NextAsync(db, bill.BilledYear.Year, cancellationToken);
        var invoice = Invoice.Create(membership, sequence, bill, today, terms.Value.DaysToPay);
        db.Invoices.Add(invoice);
        QueueEmail(invoice, emails.InvoiceIssued(invoice), "Invoice");
        return invoice;
    }

    /// <summary>
    /// Queues the invoice's email again (staff "Resend", reminders): a new message with the PDF as it stands, to the
    /// city's <see cref="BillingRecipients"/> as they are now (the billing contact, its CC addresses and the mayor).
    /// </summary>
    public OutboxMessage QueueEmail(Invoice invoice, ComposedEmail email, string topic)
    {
        var recipients = BillingRecipients.For(GovernmentOf(invoice));
        var message = email.EnqueueIn(outbox, $"{topic} {invoice.Number}: {invoice.MemberName}, {invoice.MemberState}", [recipients.To], recipients.Cc);
        message.Invoice = invoice;
        return message;
    }

    /// <summary>
    /// The invoice's government. Callers load it with the invoice (Include(i => i.Membership).ThenInclude(m => m.Government));
    /// one that did not gets it read here, so that no invoice email ever misses the city's CC addresses.
    /// </summary>
    private Government GovernmentOf(Invoice invoice)
    {
        if (invoice.Membership?.Government is { } loaded) return loaded;
        var governmentId = invoice.Membership?.GovernmentId
                           ?? db.Memberships.Where(m => m.Id == invoice.MembershipId).Select(m => m.GovernmentId).Single();
        return db.Governments.Single(g => g.Id == governmentId);
    }
}

using MayorsNetwork.Domain;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Infrastructure.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Invoices;

/// <summary>
/// Invoices written straight into the database, faster than applying and approving each city. Each has a
/// government and membership of its own; numbers come from the portal's own allocator, so they never
/// collide with invoices the portal issues. No email is queued for them, so the worker leaves them alone.
/// </summary>
public static class InvoiceSeeds
{
    /// <param name="DueInDays">Days from today to the due date: negative for overdue, 0 for due today.</param>
    public sealed record Spec(string Name, InvoiceStatus Status = InvoiceStatus.Sent, int DueInDays = 30, decimal Amount = 1_312.50m);

    public sealed record Seeded(int Id, string Number, string MemberName, int MembershipId, int GovernmentId, decimal Total, DateOnly IssuedOn);

    public static string Token() => Guid.NewGuid().ToString("N")[..8];

    public static async Task<Seeded> AddOneAsync(PortalFixture portal, int fiscalYear, Spec spec) => (await AddAsync(portal, fiscalYear, spec))[0];

    public static Task<IReadOnlyList<Seeded>> AddAsync(PortalFixture portal, int fiscalYear, params Spec[] specs) => portal.WithDbAsync<IReadOnlyList<Seeded>>(async db =>
    {
        var today = portal.Clock.Today;
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var invoices = new List<Invoice>();
        foreach (var spec in specs)
        {
            var id = Token();
            var government = new Government
            {
                Name = spec.Name,
                NameKey = Government.KeyFor(spec.Name),
                State = "CO",
                Kind = GovernmentKind.City,
                Population = 108_250,
                CensusYear = 2020,
                Mayor = new Contact { Name = "Robin Mayor", Email = $"mayor-{id}@city.example.gov", Phone = "303-555-0100" },
                Liaison = new Contact { Name = "Lee Liaison", Email = $"liaison-{id}@city.example.gov", Phone = "303-555-0101" },
                Billing = new Contact { Name = "Finance Office", Email = $"billing-{id}@city.example.gov", Phone = "303-555-0102" },
                BillingAddress = "1 Main Street\nTestville, CO 80000",
            };
            var membership = Membership.Apply(government, $"seed-{id}", "Seeded applicant", now);
            membership.MoveTo(MembershipStatus.Approved, null, "Seeder", "Seeded", now);
            var sequence = await InvoiceNumberAllocator.NextAsync(db, fiscalYear, CancellationToken.None);
            var quote = new DuesQuote(fiscalYear, government.Population, spec.Amount, 0m, "100,000 to 199,999", "Seeded amount");
            var issuedOn = today.AddDays(spec.DueInDays - 30);
            var invoice = Invoice.Create(membership, sequence, quote, new FiscalYear(fiscalYear, 1), InvoiceKind.FirstYear, issuedOn, 30, 0m);
            membership.MoveTo(MembershipStatus.Invoiced, null, "Seeder", $"Invoice {invoice.Number} issued", now);
            switch (spec.Status)
            {
                case InvoiceStatus.Sent:
                    invoice.Status = InvoiceStatus.Sent;
                    break;
                case InvoiceStatus.Paid:
                    invoice.Status = InvoiceStatus.Sent;
                    invoice.Pay(invoice.Total, issuedOn, PaymentMethod.Check, "Seeded", "Seeder", now);
                    membership.MoveTo(MembershipStatus.Active, null, "Seeder", $"Invoice {invoice.Number} paid in full", now);
                    break;
                case InvoiceStatus.Void:
                    invoice.MarkVoid("Seeded as void", "Seeder", now);
                    break;
            }

            db.Invoices.Add(invoice);
            invoices.Add(invoice);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return invoices.Select(i => new Seeded(i.Id, i.Number, i.MemberName, i.MembershipId, i.Membership.GovernmentId, i.Total, i.IssuedOn)).ToList();
    });

    /// <summary>A signed-in account acting for the city (as an approved applicant's account does).</summary>
    public static Task<PortalClient> SignedInMemberAsync(PortalFixture portal, int governmentId, string name = "Morgan Member") =>
        SignedInAsAsync(portal, governmentId, $"member-{Guid.NewGuid():N}@city.example.gov", name);

    /// <summary>A signed-in account with <paramref name="email"/> (confirmed), linked to the city.</summary>
    public static async Task<PortalClient> SignedInAsAsync(PortalFixture portal, int governmentId, string email, string name)
    {
        await portal.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, GovernmentId = governmentId, CreatedAtUtc = DateTime.UtcNow };
            var result = await users.CreateAsync(user, PortalFixture.Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        });
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        return client;
    }

    /// <summary>Waits until the worker has emailed the invoice and marked it Sent (its version changes then).</summary>
    public static async Task WaitUntilSentAsync(PortalFixture portal, int invoiceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await portal.WithDbAsync(db => db.Invoices.Where(i => i.Id == invoiceId).Select(i => i.Status).SingleAsync()) == InvoiceStatus.Issued)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Invoice {invoiceId} was not sent within 20 seconds.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The PDF's text in the order it is drawn (pdftotext -raw). The PAID and VOID stamps are drawn at an
    /// angle, which the layout mode of <see cref="Workflow.PdfTextAsync"/> breaks into single letters.
    /// </summary>
    public static async Task<string> PdfRawTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mn-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("pdftotext", ["-raw", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = System.Diagnostics.Process.Start(psi)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "pdftotext could not read the PDF: " + await process.StandardError.ReadToEndAsync());
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static Task<List<Payment>> PaymentsAsync(PortalFixture portal, int invoiceId) =>
        portal.WithDbAsync(db => db.Payments.AsNoTracking().Where(p => p.InvoiceId == invoiceId).ToListAsync());
}

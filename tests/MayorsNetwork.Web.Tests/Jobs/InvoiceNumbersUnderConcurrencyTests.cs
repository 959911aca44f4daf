using System.Net;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>
/// Two staff members approving twenty applications at once: each approval issues an invoice, and the
/// year's invoice numbers come out 1 to 20, with no gap and no number given twice.
/// </summary>
public abstract class InvoiceNumbersUnderConcurrencyTests(PortalFixture portal)
{
    private const int Applications = 20;

    [Fact]
    public async Task Twenty_concurrent_approvals_number_their_invoices_1_to_20_without_gaps_or_duplicates()
    {
        var names = new List<string>();
        for (var i = 0; i < Applications; i++)
        {
            var form = Support.Applications.Valid();
            var posted = await portal.Client().SubmitFormAsync("/join", form);
            Assert.Equal(HttpStatusCode.Redirect, posted.Status);
            names.Add(form["Input.Name"]!);
        }

        var ids = await portal.WithDbAsync(db => db.Memberships.Where(m => names.Contains(m.Government.Name)).Select(m => m.Id).ToListAsync());
        Assert.Equal(Applications, ids.Count);
        PortalClient[] staff = [await portal.SignedInStaffAsync("First Staff"), await portal.SignedInStaffAsync("Second Staff")];

        var approvals = await Task.WhenAll(ids.Select((id, i) =>
            staff[i % 2].SubmitFormAsync($"/staff/applications/{id}", new Dictionary<string, string?>(), "form:has([data-testid=approve])")));

        Assert.All(approvals, a => Assert.True(a.Status == HttpStatusCode.Redirect, string.Join(" ", a.Errors)));
        var invoices = await portal.WithDbAsync(db => db.Invoices.AsNoTracking()
            .Where(i => ids.Contains(i.MembershipId))
            .Select(i => new { i.FiscalYear, i.Sequence, i.Number, i.MembershipId })
            .ToListAsync());
        Assert.Equal(Applications, invoices.Count);
        Assert.Equal(ids.Order(), invoices.Select(i => i.MembershipId).Order());
        var year = Assert.Single(invoices.Select(i => i.FiscalYear).Distinct());
        // This fixture is this test's alone, so the year's numbers are these twenty.
        var yearSequences = await portal.WithDbAsync(db => db.Invoices.Where(i => i.FiscalYear == year).Select(i => i.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, Applications), yearSequences.Order());
        Assert.All(invoices, i => Assert.Equal($"{year}-{i.Sequence:000000}", i.Number));
        Assert.Equal(Applications, invoices.Select(i => i.Number).Distinct().Count());
    }
}

public sealed class InvoiceNumbersUnderConcurrencyTests_Sqlite(SqlitePortal portal) : InvoiceNumbersUnderConcurrencyTests(portal), IClassFixture<SqlitePortal>;

public sealed class InvoiceNumbersUnderConcurrencyTests_Postgres(PostgresPortal portal) : InvoiceNumbersUnderConcurrencyTests(portal), IClassFixture<PostgresPortal>;

public sealed class InvoiceNumbersUnderConcurrencyTests_SqlServer(SqlServerPortal portal) : InvoiceNumbersUnderConcurrencyTests(portal), IClassFixture<SqlServerPortal>;

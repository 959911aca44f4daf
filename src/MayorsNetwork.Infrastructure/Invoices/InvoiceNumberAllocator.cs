using MayorsNetwork.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>
/// Hands out invoice sequence numbers, one fiscal year at a time, inside the caller's transaction: the
/// row for the year is bumped with an UPDATE, which holds its lock until the transaction ends, so
/// concurrent issuers queue and a rolled-back invoice gives its number back (no gaps, no duplicates).
/// </summary>
public static class InvoiceNumberAllocator
{
    public static async Task<int> NextAsync(PortalDbContext db, int fiscalYear, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Invoice numbers are allocated inside the transaction that issues the invoice.");
        // Both SQLite and PostgreSQL understand this statement; a concurrent insert of the same year does nothing.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"InvoiceNumberSequences\" (\"FiscalYear\", \"Last\") VALUES ({fiscalYear}, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        await db.InvoiceNumberSequences.Where(s => s.FiscalYear == fiscalYear)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), cancellationToken);
        return await db.InvoiceNumberSequences.Where(s => s.FiscalYear == fiscalYear).Select(s => s.Last).SingleAsync(cancellationToken);
    }
}

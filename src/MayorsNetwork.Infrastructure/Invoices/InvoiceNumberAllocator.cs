using MayorsNetwork.Infrastructure.Data;

namespace MayorsNetwork.Infrastructure.Invoices;

/// <summary>
/// Hands out invoice sequence numbers, one fiscal year at a time, inside the caller's transaction: the
/// row for the year is bumped with an UPDATE, which holds its lock until the transaction ends, so
/// concurrent issuers queue and a rolled-back invoice gives its number back (no gaps, no duplicates).
/// The year's row is made first if it is missing, in the provider's own words for "insert unless there":
/// <list type="bullet">
/// <item>SQLite and PostgreSQL: <c>INSERT … ON CONFLICT DO NOTHING</c>; a concurrent insert of the same year does nothing.</item>
/// <item>SQL Server (which has no ON CONFLICT): <c>INSERT … SELECT … WHERE NOT EXISTS</c>, reading with UPDLOCK and
/// HOLDLOCK, so the check and the insert are one step: a second issuer waits on the key's range lock, then finds the row.</item>
/// </list>
/// </summary>
public static class InvoiceNumberAllocator
{
    public static async Task<int> NextAsync(PortalDbContext db, int fiscalYear, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Invoice numbers are allocated inside the transaction that issues the invoice.");
        if (DatabaseSetup.ProviderOf(db) == DatabaseProvider.SqlServer)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO [InvoiceNumberSequences] ([FiscalYear], [Last])
                SELECT {fiscalYear}, 0
                WHERE NOT EXISTS (SELECT 1 FROM [InvoiceNumberSequences] WITH (UPDLOCK, HOLDLOCK) WHERE [FiscalYear] = {fiscalYear})
                """, cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"InvoiceNumberSequences\" (\"FiscalYear\", \"Last\") VALUES ({fiscalYear}, 0) ON CONFLICT DO NOTHING",
                cancellationToken);
        }

        await db.InvoiceNumberSequences.Where(s => s.FiscalYear == fiscalYear)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), cancellationToken);
        return await db.InvoiceNumberSequences.Where(s => s.FiscalYear == fiscalYear).Select(s => s.Last).SingleAsync(cancellationToken);
    }
}

using MayorsNetwork.Infrastructure.Data;

namespace MayorsNetwork.Infrastructure.Jobs;

/// <summary>
/// Claims today's run of a daily job for one instance: the job's row in JobRuns is made if it is missing, then moved
/// to today by a conditional UPDATE, which only one instance's statement finds still due. Making the row is the only
/// statement that differs by provider:
/// <list type="bullet">
/// <item>SQLite and PostgreSQL: <c>INSERT … ON CONFLICT DO NOTHING</c>.</item>
/// <item>SQL Server (no ON CONFLICT): <c>INSERT … SELECT … WHERE NOT EXISTS</c> reading with UPDLOCK and HOLDLOCK, so two
/// instances starting at once do not both insert (the second waits on the key's range lock and then finds the row).</item>
/// </list>
/// </summary>
public static class DailyJobClaim
{
    /// <summary>True when this call claimed today's run; false when another instance (or an earlier call) already has.</summary>
    public static async Task<bool> TryClaimAsync(PortalDbContext db, string jobName, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var never = DateOnly.MinValue;
        if (DatabaseSetup.ProviderOf(db) == DatabaseProvider.SqlServer)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO [JobRuns] ([Name], [LastRunOn])
                SELECT {jobName}, {never}
                WHERE NOT EXISTS (SELECT 1 FROM [JobRuns] WITH (UPDLOCK, HOLDLOCK) WHERE [Name] = {jobName})
                """, cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"JobRuns\" (\"Name\", \"LastRunOn\") VALUES ({jobName}, {never}) ON CONFLICT DO NOTHING", cancellationToken);
        }

        var claimed = await db.JobRuns.Where(j => j.Name == jobName && j.LastRunOn < today)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastRunOn, today).SetProperty(j => j.LastRunAtUtc, nowUtc), cancellationToken);
        return claimed == 1;
    }
}

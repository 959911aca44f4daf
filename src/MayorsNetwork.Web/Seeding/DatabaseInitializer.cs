using MayorsNetwork.Domain.Dues;

namespace MayorsNetwork.Web.Seeding;

/// <summary>
/// Start-up work on the database: migrations (on the embedded default, or when asked), the roles, and
/// the default dues schedule (the ICLEI USA tiers) when there is none, and the association's bodies when there are none.
/// </summary>
public sealed class DatabaseInitializer(
    PortalDbContext db,
    RoleManager<IdentityRole> roles,
    DuesCalculator dues,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool migrate, CancellationToken cancellationToken)
    {
        await DatabaseSetup.PrepareAsync(db, cancellationToken);
        if (migrate || options.Value.ShouldMigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) to the {Provider} database: {Migrations}", pending.Count, options.Value.Provider, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new PendingMigrationsException();
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        if (!await db.DuesSchedules.AnyAsync(cancellationToken))
        {
            var schedule = DefaultDuesSchedules.IcleiUsaTiers(dues.CurrentFiscalYear.Year);
            schedule.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
            schedule.CreatedBy = "Initial set-up";
            db.DuesSchedules.Add(schedule);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.Bodies.AnyAsync(cancellationToken))
        {
            db.Bodies.AddRange(DefaultBodies.All(clock.GetUtcNow().UtcDateTime));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance seeded them at the same moment (the slugs are unique); theirs stand.
                db.ChangeTracker.Clear();
                if (!await db.Bodies.AnyAsync(cancellationToken)) throw;
            }
        }

        if (!await db.Meetings.AnyAsync(cancellationToken))
        {
            db.Meetings.AddRange(DefaultMeetings.Next(clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

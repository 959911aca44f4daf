using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Dues;

/// <summary>
/// /dues is kept in the output cache for anonymous visitors. Shown without timing: a change written straight into
/// the database (bypassing the pages) is not seen by the next anonymous visit, but is seen by a signed-in person
/// (never served from the cache) and by everyone once staff save a dues schedule (which evicts the page).
/// A class of its own: it changes the seeded schedule.
/// </summary>
public abstract class CachedDuesPageTests(PortalFixture portal)
{
    private static string? Amount(PageResult page) => page.One("[data-testid=dues-amount]")?.TextContent;

    [Fact]
    public async Task The_page_comes_from_the_cache_until_staff_save_a_schedule()
    {
        var anonymous = portal.Client();
        var staff = await portal.SignedInStaffAsync();
        Assert.Equal("$600.00", Amount(await anonymous.GetAsync("/dues?population=45000")));

        // The current schedule's smallest bracket goes up, behind the pages' back.
        await portal.WithDbKeepingCacheAsync(async db =>
        {
            var schedule = await db.DuesSchedules.OrderByDescending(s => s.FiscalYear).FirstAsync();
            schedule.Brackets.Single(b => b.MinPopulation == 0).BaseAmount = 650m;
            await db.SaveChangesAsync();
        });

        Assert.Equal("$600.00", Amount(await portal.Client().GetAsync("/dues?population=45000")));
        Assert.Equal("$650.00", Amount(await staff.GetAsync("/dues?population=45000")));

        // Staff save next year's schedule (the form starts from this one): the dues pages are evicted.
        var saved = await staff.SubmitFormAsync("/staff/dues/create", new Dictionary<string, string?>());
        Assert.Equal("/staff/dues", saved.Location?.ToLowerInvariant());

        Assert.Equal("$650.00", Amount(await portal.Client().GetAsync("/dues?population=45000")));
    }

    [Fact]
    public async Task A_status_message_after_a_redirect_is_shown_though_the_page_is_cached()
    {
        await portal.Client().GetAsync("/");
        var staff = await portal.SignedInStaffAsync();
        var account = await staff.GetAsync("/account");

        var signedOut = await staff.SubmitAsync(account, new Dictionary<string, string?>(), "form.nav-form");
        var home = await staff.GetAsync(signedOut.Location!);

        Assert.Contains("You are signed out.", home.Text, StringComparison.Ordinal);
    }
}

public sealed class CachedDuesPageTests_Sqlite(SqlitePortal portal) : CachedDuesPageTests(portal), IClassFixture<SqlitePortal>;

public sealed class CachedDuesPageTests_Postgres(PostgresPortal portal) : CachedDuesPageTests(portal), IClassFixture<PostgresPortal>;

public sealed class CachedDuesPageTests_SqlServer(SqlServerPortal portal) : CachedDuesPageTests(portal), IClassFixture<SqlServerPortal>;

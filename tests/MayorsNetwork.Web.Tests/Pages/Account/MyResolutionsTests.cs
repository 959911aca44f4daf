using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>A member's account page lists the resolutions their city submitted and the cosponsorships waiting for its confirmation.</summary>
public abstract class MyResolutionsTests(PortalFixture portal)
{
    [Fact]
    public async Task A_member_sees_their_citys_resolutions_and_pending_invitations_but_not_confirmed_or_other_cities_ones()
    {
        var city = await CityAsync(portal);
        var other = await CityAsync(portal);
        var meeting = await MeetingAsync(portal);
        var own = await ResolutionAsync(portal, meeting, city, "Our Own Resolution");
        var invitation = await ResolutionAsync(portal, meeting, other, "Invitation Waiting", city);
        var confirmed = await ResolutionAsync(portal, meeting, other, "Already Confirmed", city);
        await portal.WithDbAsync(db => db.Cosponsors.Where(c => c.ResolutionId == confirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ConfirmedAtUtc, DateTime.UtcNow)));
        await ResolutionAsync(portal, meeting, other, "Someone Else's");
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);

        var page = await member.GetAsync("/account");

        var mine = TableRows(page, "my-resolutions");
        Assert.Equal([["Our Own Resolution", meeting.Title, "Submitted"]], mine);
        Assert.Equal($"/resolutions/{own.Id}", page.One("[data-testid=my-resolutions] a")?.GetAttribute("href"));
        var invitations = page.Document.QuerySelectorAll("[data-testid=cosponsor-invitations] li a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("Invitation Waiting", $"/resolutions/{invitation.Id}")], invitations);
        Assert.DoesNotContain("Someone Else's", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Already Confirmed", page.Html, StringComparison.Ordinal);
    }
}

public sealed class MyResolutionsTests_Sqlite(SqlitePortal portal) : MyResolutionsTests(portal), IClassFixture<SqlitePortal>;

public sealed class MyResolutionsTests_Postgres(PostgresPortal portal) : MyResolutionsTests(portal), IClassFixture<PostgresPortal>;

public sealed class MyResolutionsTests_SqlServer(SqlServerPortal portal) : MyResolutionsTests(portal), IClassFixture<SqlServerPortal>;

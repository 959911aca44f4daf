using System.Net;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Resolutions;

/// <summary>
/// An invited cosponsor city's own account confirms on the resolution's page; only then is the city listed
/// publicly as a cosponsor. Another city's account cannot confirm for it.
/// </summary>
public abstract class CosponsorConfirmationTests(PortalFixture portal)
{
    [Fact]
    public async Task The_invited_citys_account_confirms_and_the_city_is_then_listed_publicly_as_cosponsor()
    {
        var sponsor = await CityAsync(portal);
        var invited = await CityAsync(portal, state: "AZ", mayor: "Ruth Invited");
        var meeting = await MeetingAsync(portal);
        var resolution = await ResolutionAsync(portal, meeting, sponsor, null, invited);
        var account = await InvoiceSeeds.SignedInMemberAsync(portal, invited.GovernmentId, "Ira Invited");
        var before = await portal.Client().GetAsync($"/resolutions/{resolution.Id}");
        Assert.Equal("None", before.One("[data-testid=cosponsors]")?.TextContent.Trim());
        Assert.Null(before.One("[data-testid=confirm-form]"));
        Assert.DoesNotContain(invited.Name, before.Text, StringComparison.Ordinal);

        var page = await account.GetAsync($"/resolutions/{resolution.Id}");
        Assert.Contains($"{invited.Name}, AZ is invited to cosponsor this resolution", page.One("[data-testid=invitation]")?.TextContent, StringComparison.Ordinal);
        var result = await account.SubmitAsync(page, new Dictionary<string, string?>(), "[data-testid=confirm-form]");

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var row = await portal.WithDbAsync(db => db.Cosponsors.AsNoTracking().SingleAsync(c => c.ResolutionId == resolution.Id));
        var userId = await portal.WithDbAsync(db => db.Users.Where(u => u.GovernmentId == invited.GovernmentId).Select(u => u.Id).SingleAsync());
        Assert.NotNull(row.ConfirmedAtUtc);
        Assert.Equal(userId, row.ConfirmedByUserId);
        var after = await portal.Client().GetAsync($"/resolutions/{resolution.Id}");
        Assert.Equal([$"Mayor Ruth Invited, {invited.Name}, AZ"], after.Document.QuerySelectorAll("[data-testid=cosponsor]").Select(e => e.TextContent.Trim()));
        var confirmed = await account.GetFollowingAsync(result.Location!);
        Assert.Contains($"{invited.Name}, AZ is now listed as a cosponsor", confirmed.Text, StringComparison.Ordinal);
        Assert.Null(confirmed.One("[data-testid=confirm-form]"));
    }

    [Fact]
    public async Task Defect_confirming_a_cosponsorship_after_the_resolution_left_Submitted_is_refused_and_changes_nothing()
    {
        // Issue 11, defect 8: a page opened while the resolution was Submitted could still confirm after staff referred it.
        var sponsor = await CityAsync(portal);
        var invited = await CityAsync(portal, state: "AZ", mayor: "Ruth Invited");
        var committee = await BodyAsync(portal, kind: MayorsNetwork.Domain.Committees.BodyKind.StandingCommittee);
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), sponsor, null, invited);
        var account = await InvoiceSeeds.SignedInMemberAsync(portal, invited.GovernmentId, "Ira Invited");
        var opened = await account.GetAsync($"/resolutions/{resolution.Id}");
        Assert.NotNull(opened.One("[data-testid=confirm-form]"));

        await ReferAsync(portal, resolution.Id, committee);
        var refused = await account.SubmitAsync(opened, new Dictionary<string, string?>(), "[data-testid=confirm-form]");

        Assert.Contains("This resolution is Referred: cosponsors can confirm only while it is Submitted, before staff refer it to a committee. Nothing was changed.", refused.Errors);
        Assert.Null(await portal.WithDbAsync(db => db.Cosponsors.Where(c => c.ResolutionId == resolution.Id).Select(c => c.ConfirmedAtUtc).SingleAsync()));
        var later = await account.GetAsync($"/resolutions/{resolution.Id}");
        Assert.Null(later.One("[data-testid=confirm-form]"));
        Assert.Equal("None", later.One("[data-testid=cosponsors]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Another_citys_account_cannot_confirm_for_the_invited_city()
    {
        var sponsor = await CityAsync(portal);
        var invited = await CityAsync(portal);
        var other = await CityAsync(portal);
        var meeting = await MeetingAsync(portal);
        var resolution = await ResolutionAsync(portal, meeting, sponsor, null, invited);
        var intruder = await InvoiceSeeds.SignedInMemberAsync(portal, other.GovernmentId, "Otto Other");
        var sponsorAccount = await InvoiceSeeds.SignedInMemberAsync(portal, sponsor.GovernmentId, "Sally Sponsor");

        var page = await intruder.GetAsync($"/resolutions/{resolution.Id}");
        var forced = await intruder.PostAsync($"/resolutions/{resolution.Id}?handler=Confirm", new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenOf(page) });
        var bySponsor = await sponsorAccount.PostAsync($"/resolutions/{resolution.Id}?handler=Confirm",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenOf(await sponsorAccount.GetAsync($"/resolutions/{resolution.Id}")) });

        Assert.Null(page.One("[data-testid=confirm-form]"));
        const string refusal = "Your city is not invited to cosponsor this resolution: only an invited city's own accounts can confirm its cosponsorship. Nothing was changed.";
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Contains(refusal, forced.Errors);
        Assert.Contains(refusal, bySponsor.Errors);
        Assert.Null(await portal.WithDbAsync(db => db.Cosponsors.Where(c => c.ResolutionId == resolution.Id).Select(c => c.ConfirmedAtUtc).SingleAsync()));
        Assert.Equal("None", forced.One("[data-testid=cosponsors]")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_sponsor_sees_who_has_not_confirmed_yet_and_the_public_does_not()
    {
        var sponsor = await CityAsync(portal);
        var invited = await CityAsync(portal, mayor: "Paula Pending");
        var meeting = await MeetingAsync(portal);
        var resolution = await ResolutionAsync(portal, meeting, sponsor, null, invited);
        var sponsorAccount = await InvoiceSeeds.SignedInMemberAsync(portal, sponsor.GovernmentId);

        var own = await sponsorAccount.GetAsync($"/resolutions/{resolution.Id}");
        var anonymous = await portal.Client().GetAsync($"/resolutions/{resolution.Id}");

        Assert.Equal($"Mayor Paula Pending, {invited.Name}, CO", own.One("[data-testid=pending-cosponsors]")?.TextContent.Trim());
        Assert.Null(anonymous.One("[data-testid=pending-cosponsors]"));
        Assert.DoesNotContain("Paula Pending", anonymous.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_is_asked_of_an_anonymous_visitor_who_tries_to_confirm()
    {
        var sponsor = await CityAsync(portal);
        var invited = await CityAsync(portal);
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), sponsor, null, invited);
        var anonymous = portal.Client();
        // An anonymous visitor has an antiforgery token only from a form; the sign-in page has one.
        var login = await anonymous.GetAsync("/account/login");

        var result = await anonymous.PostAsync($"/resolutions/{resolution.Id}?handler=Confirm", new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenOf(login) });

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.StartsWith("/account/login", new Uri(new Uri("https://localhost"), result.Location).PathAndQuery, StringComparison.Ordinal);
        Assert.Null(await portal.WithDbAsync(db => db.Cosponsors.Where(c => c.ResolutionId == resolution.Id).Select(c => c.ConfirmedAtUtc).SingleAsync()));
    }
}

public sealed class CosponsorConfirmationTests_Sqlite(SqlitePortal portal) : CosponsorConfirmationTests(portal), IClassFixture<SqlitePortal>;

public sealed class CosponsorConfirmationTests_Postgres(PostgresPortal portal) : CosponsorConfirmationTests(portal), IClassFixture<PostgresPortal>;

public sealed class CosponsorConfirmationTests_SqlServer(SqlServerPortal portal) : CosponsorConfirmationTests(portal), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Resolutions;

/// <summary>
/// A member city's mayor (Active or in the grace period) submits a resolution for a meeting still taking
/// them, naming other member cities as cosponsors, who are emailed to confirm. Bad input is explained on the
/// page and nothing is saved.
/// </summary>
public abstract class SubmittingResolutionsTests(PortalFixture portal)
{
    [Fact]
    public async Task A_member_mayor_submits_a_resolution_that_is_stored_with_its_history_and_the_cosponsors_mayor_is_emailed_a_link()
    {
        var city = await CityAsync(portal, mayor: "Kate Sponsor");
        var cosponsor = await CityAsync(portal, state: "AZ", mayor: "Ruth Cosponsor");
        var meeting = await MeetingAsync(portal);
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId, "Pat Aide");
        var form = await mayor.GetAsync("/resolutions/new");
        Assert.Contains(form.Document.QuerySelectorAll("#Input_MeetingId option"), o => o.TextContent.StartsWith(meeting.Title, StringComparison.Ordinal));
        Assert.Contains(form.Document.QuerySelectorAll("#Input_CosponsorIds option"), o => o.GetAttribute("value") == Id(cosponsor.MembershipId));
        Assert.DoesNotContain(form.Document.QuerySelectorAll("#Input_CosponsorIds option"), o => o.GetAttribute("value") == Id(city.MembershipId));
        Assert.Null(form.One("[name=PassRule], [name='Input.PassRule'], [name='Input.QuorumPercent']"));
        var title = $"In Support of Clean Water {Token()}";

        var result = await SubmitAsync(mayor, form, meeting.Id, $"  {title} ", "The Conference **supports** clean water.\n\n- pipes\n- pumps", cosponsor.MembershipId);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var stored = Assert.Single(await ResolutionsOfAsync(portal, city));
        Assert.Equal($"/resolutions/{stored.Id}", result.Location);
        Assert.Equal(title, stored.Title);
        Assert.Equal("The Conference **supports** clean water.\n\n- pipes\n- pumps", stored.TextMarkdown);
        Assert.Equal(meeting.Id, stored.MeetingId);
        Assert.Equal(ResolutionStatus.Submitted, stored.Status);
        Assert.Equal("Mayor Kate Sponsor", stored.SponsorName);
        Assert.Equal($"{city.Name}, CO", stored.SponsorCity);
        Assert.Equal(PassRule.SimpleMajority, stored.PassRule);
        var history = Assert.Single(stored.Changes);
        Assert.Equal((null, ResolutionStatus.Submitted, "Mayor Kate Sponsor"), (history.From, history.To, history.ByName));
        Assert.True((portal.Clock.GetUtcNow().UtcDateTime - history.AtUtc).Duration() < TimeSpan.FromMinutes(1));
        var invited = Assert.Single(stored.Cosponsors);
        Assert.Equal((cosponsor.MembershipId, "Mayor Ruth Cosponsor", $"{cosponsor.Name}, AZ", false), (invited.MembershipId, invited.MayorName, invited.City, invited.IsConfirmed));

        var mail = await portal.Mail.WaitForAsync(await MayorEmailAsync(portal, cosponsor), title);
        Assert.Contains("Dear Mayor Ruth Cosponsor", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"Mayor Kate Sponsor of {city.Name}, CO", mail.Text, StringComparison.Ordinal);
        Assert.EndsWith($"/resolutions/{stored.Id}", mail.Link("/resolutions/"), StringComparison.Ordinal);

        var page = await mayor.GetFollowingAsync(result.Location!);
        Assert.Equal(title, page.One("h1")?.TextContent.Trim());
        Assert.Equal("Submitted", page.One("[data-testid=status]")?.TextContent.Trim());
        Assert.Equal("supports", page.One("[data-testid=text] strong")?.TextContent);
        Assert.Equal(2, page.Document.QuerySelectorAll("[data-testid=text] li").Length);
        // Invited, not confirmed: not yet listed as a cosponsor.
        Assert.Equal("None", page.One("[data-testid=cosponsors]")?.TextContent.Trim());
        Assert.Contains("Simple majority", page.One("[data-testid=pass-rule]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_in_its_grace_period_may_submit_without_cosponsors()
    {
        var city = await CityAsync(portal, MembershipStatus.Grace);
        var meeting = await MeetingAsync(portal);
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);

        var result = await SubmitAsync(mayor, meeting.Id, "Grace period resolution", "Text.");

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        Assert.Empty(Assert.Single(await ResolutionsOfAsync(portal, city)).Cosponsors);
    }

    [Theory]
    [InlineData("empty title")]
    [InlineData("long title")]
    [InlineData("empty text")]
    [InlineData("long text")]
    [InlineData("no meeting")]
    [InlineData("unknown meeting")]
    [InlineData("own city as cosponsor")]
    [InlineData("lapsed cosponsor")]
    [InlineData("applicant cosponsor")]
    [InlineData("unknown cosponsor")]
    public async Task Bad_input_is_explained_on_the_page_and_nothing_is_saved(string bad)
    {
        var city = await CityAsync(portal);
        var lapsed = await CityAsync(portal, MembershipStatus.Lapsed);
        var applicant = await CityAsync(portal, MembershipStatus.Applied);
        var meeting = await MeetingAsync(portal);
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);
        var (meetingId, title, text, cosponsors, expected) = bad switch
        {
            "empty title" => ((int?)meeting.Id, "  ", "Text.", Array.Empty<int>(), "Enter the resolution's title."),
            "long title" => (meeting.Id, new string('T', Resolution.TitleMaxLength + 1), "Text.", [], "The title can be at most 200 characters."),
            "empty text" => (meeting.Id, "A title", "", [], "Enter the resolution's text."),
            "long text" => (meeting.Id, "A title", new string('x', Resolution.TextMaxLength + 1), [], $"The text can be at most {Resolution.TextMaxLength:N0} characters."),
            "no meeting" => (null, "A title", "Text.", [], "Choose the meeting the resolution is for."),
            "unknown meeting" => (int.MaxValue, "A title", "Text.", [], "Choose the meeting the resolution is for."),
            "own city as cosponsor" => (meeting.Id, "A title", "Text.", [city.MembershipId], $"{city.Name}, CO is the sponsor; choose other member cities as cosponsors."),
            "lapsed cosponsor" => (meeting.Id, "A title", "Text.", [lapsed.MembershipId],
                $"{lapsed.Name}, CO cannot cosponsor: its membership is Lapsed, and only Active member cities (or those in their grace period) can."),
            "applicant cosponsor" => (meeting.Id, "A title", "Text.", [applicant.MembershipId],
                $"{applicant.Name}, CO cannot cosponsor: its membership is Applied, and only Active member cities (or those in their grace period) can."),
            _ => (meeting.Id, "A title", "Text.", [int.MaxValue], "A city chosen as cosponsor is not one we know; choose again from the list."),
        };

        var result = await SubmitAsync(mayor, meetingId, title, text, cosponsors);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(expected, result.Errors);
        Assert.Equal("Submit a resolution", result.One("h1")?.TextContent.Trim());
        Assert.NotNull(result.One(Form));
        Assert.Empty(await ResolutionsOfAsync(portal, city));
        Assert.False(await portal.WithDbAsync(db => db.Cosponsors.AnyAsync(c => c.MembershipId == lapsed.MembershipId || c.MembershipId == applicant.MembershipId)));
    }

    [Fact]
    public async Task Script_in_the_text_and_title_is_stored_as_typed_and_shown_as_text_never_run()
    {
        var city = await CityAsync(portal);
        var meeting = await MeetingAsync(portal);
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);
        const string title = "Clean <script>alert('t')</script> Water";
        const string text = "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)> and **bold**";

        var result = await SubmitAsync(mayor, meeting.Id, title, text);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var stored = Assert.Single(await ResolutionsOfAsync(portal, city));
        Assert.Equal(text, stored.TextMarkdown);
        Assert.Equal(title, stored.Title);
        var page = await portal.Client().GetAsync(result.Location!);
        Assert.Empty(page.Document.QuerySelectorAll("main script, main img"));
        Assert.Equal(title, page.One("h1")?.TextContent);
        var shown = page.One("[data-testid=text]")!;
        Assert.Contains("<script>alert('x')</script>", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", shown.TextContent, StringComparison.Ordinal);
        Assert.Equal("bold", shown.QuerySelector("strong")?.TextContent);
        Assert.Contains("&lt;script&gt;alert(", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MembershipStatus.Lapsed, "Your city's membership has lapsed")]
    [InlineData(MembershipStatus.Invoiced, "Your city's membership is Invoiced")]
    [InlineData(MembershipStatus.Applied, "Your city's membership is Applied")]
    public async Task A_city_that_is_not_a_member_in_good_standing_is_refused_and_a_forced_post_saves_nothing(MembershipStatus status, string reason)
    {
        var city = await CityAsync(portal, status);
        var meeting = await MeetingAsync(portal);
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);

        var page = await mayor.GetAsync("/resolutions/new");
        var forced = await mayor.PostAsync("/resolutions/new", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(page), ["Input.MeetingId"] = Id(meeting.Id), ["Input.Title"] = "Forced", ["Input.Text"] = "Text.",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.One(Form));
        Assert.Contains(reason, page.One("[data-testid=refusal]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains($"You cannot submit a resolution for {city.Name}, CO", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Contains(reason, forced.One("[data-testid=refusal]")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await ResolutionsOfAsync(portal, city));
    }

    [Fact]
    public async Task An_account_not_linked_to_a_city_is_told_only_member_mayors_submit()
    {
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.GetAsync("/resolutions/new");

        Assert.Null(page.One(Form));
        Assert.Contains("Your account is not linked to a member city", page.One("[data-testid=refusal]")?.TextContent, StringComparison.Ordinal);
    }
}

public sealed class SubmittingResolutionsTests_Sqlite(SqlitePortal portal) : SubmittingResolutionsTests(portal), IClassFixture<SqlitePortal>;

public sealed class SubmittingResolutionsTests_Postgres(PostgresPortal portal) : SubmittingResolutionsTests(portal), IClassFixture<PostgresPortal>;

public sealed class SubmittingResolutionsTests_SqlServer(SqlServerPortal portal) : SubmittingResolutionsTests(portal), IClassFixture<SqlServerPortal>;

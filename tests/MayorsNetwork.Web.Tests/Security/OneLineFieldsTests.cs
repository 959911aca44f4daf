using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// Issue 11, defect 8: CR, LF and TAB in a field that holds one line (a name, a title, an email address) used to be
/// stored, then broke the emails they went into ten times over. They are refused with a message and nothing is stored;
/// a field of several lines (an address, a resolution's text) keeps its line breaks.
/// </summary>
public abstract class OneLineFieldsTests(PortalFixture portal)
{
    public static TheoryData<string, string> OneLineJoinFields => new()
    {
        { "Input.Name", "Springfield\nBcc: someone@evil.example" },
        { "Input.Name", "Spring\tfield" },
        { "Input.MayorName", "Pat\r\nMayor" },
        { "Input.MayorName", "Pat\tMayor" },
        { "Input.MayorTitle", "Mayor\r" },
        { "Input.ApplicantEmail", "casey@city.example.gov\r\nBcc: someone@evil.example" },
    };

    [Theory]
    [MemberData(nameof(OneLineJoinFields))]
    public async Task A_line_break_or_tab_in_a_one_line_field_of_the_application_is_refused_with_a_message_and_nothing_is_stored(string field, string value)
    {
        var client = portal.Client();
        var form = Applications.Valid();
        form["Input.MayorTitle"] = "County Executive";
        form[field] = value;
        var before = await CountsAsync();

        var page = await client.SubmitFormAsync("/join", form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var id = field.Replace('.', '_');
        Assert.Contains("must be one line", page.One($"#{id}-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.Errors, e => e.Contains("must be one line: remove the line breaks and tabs", StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == form["Input.ApplicantEmail"])));
        // The form comes back as it was typed (not as the empty form), with the refused field emptied.
        Assert.Equal(field == "Input.MayorTitle" ? "" : "County Executive", page.Document.QuerySelector<IHtmlInputElement>("#Input_MayorTitle")?.Value);
        Assert.Equal(field == "Input.LiaisonEmail" ? "" : form["Input.LiaisonEmail"], page.Document.QuerySelector<IHtmlInputElement>("#Input_LiaisonEmail")?.Value);
        Assert.Equal("", page.Document.QuerySelector<IHtmlInputElement>($"#{id}")?.Value);
    }

    [Fact]
    public async Task The_billing_address_keeps_its_lines()
    {
        var client = portal.Client();
        var form = Applications.Valid();
        form["Input.BillingAddress"] = "City Hall\r\n1 Main Street\r\nSpringfield, CO 80302";

        var posted = await client.SubmitFormAsync("/join", form);

        Assert.True(posted.Status == HttpStatusCode.Redirect, string.Join(" ", posted.Errors));
        var address = await portal.WithDbAsync(db => db.Governments.Where(g => g.Name == form["Input.Name"]).Select(g => g.BillingAddress).SingleAsync());
        Assert.Equal("City Hall\n1 Main Street\nSpringfield, CO 80302", address);
    }

    [Theory]
    [InlineData("In Support of Clean Water\r\nBcc: someone@evil.example")]
    [InlineData("In Support of\tClean Water")]
    public async Task A_line_break_or_tab_in_a_resolution_title_is_refused_for_a_signed_in_mayor_and_nothing_is_stored(string title)
    {
        var city = await CityAsync(portal, mayor: "Lina Oneline");
        var meeting = await MeetingAsync(portal);
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId, "Sam Aide");

        var page = await SubmitAsync(mayor, meeting.Id, title, "The Conference supports **clean water**.\n\n- pipes");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("must be one line", page.One("#Input_Title-error")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await ResolutionsOfAsync(portal, city));
        // The page is the form again, with its choices loaded and the text as typed.
        Assert.Contains(page.Document.QuerySelectorAll("#Input_MeetingId option"), o => o.TextContent.StartsWith(meeting.Title, StringComparison.Ordinal));
        Assert.Equal("The Conference supports **clean water**.\n\n- pipes", page.Document.QuerySelector<IHtmlTextAreaElement>("#Input_Text")?.Value);
    }

    [Fact]
    public async Task New_lines_in_a_resolution_text_are_kept()
    {
        var city = await CityAsync(portal, mayor: "Lina Multiline");
        var meeting = await MeetingAsync(portal);
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId, "Sam Aide");
        var text = "Whereas cities need water;\nWhereas\tpipes age;\n\n- fund pipes\n- fund pumps";

        var result = await SubmitAsync(mayor, meeting.Id, $"Water {Token()}", text);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var stored = Assert.Single(await ResolutionsOfAsync(portal, city));
        Assert.Equal(text, stored.TextMarkdown);
    }

    private Task<string> CountsAsync() => portal.WithDbAsync(async db =>
        $"users {await db.Users.CountAsync()}, governments {await db.Governments.CountAsync()}, memberships {await db.Memberships.CountAsync()}, outbox {await db.OutboxMessages.CountAsync()}");
}

public sealed class OneLineFieldsTests_Sqlite(SqlitePortal portal) : OneLineFieldsTests(portal), IClassFixture<SqlitePortal>;

public sealed class OneLineFieldsTests_Postgres(PostgresPortal portal) : OneLineFieldsTests(portal), IClassFixture<PostgresPortal>;

public sealed class OneLineFieldsTests_SqlServer(SqlServerPortal portal) : OneLineFieldsTests(portal), IClassFixture<SqlServerPortal>;

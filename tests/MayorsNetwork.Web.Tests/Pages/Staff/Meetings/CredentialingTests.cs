using System.Net;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Meetings;

/// <summary>
/// Staff credential Active member cities for a meeting (the mayor as delegate, optionally one alternate),
/// once per city, and check them in with who and when.
/// </summary>
public abstract class CredentialingTests(PortalFixture portal)
{
    private const string Form = "[data-testid=credential-form]";

    [Fact]
    public async Task An_active_city_is_credentialed_with_its_mayor_as_delegate_and_its_alternate_and_leaves_the_choice_list()
    {
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var meeting = await MeetingSeeds.MeetingAsync(portal);
        var city = await CityAsync(portal, mayor: "Robin Delegate");
        var page = await staff.GetAsync($"/staff/meetings/{meeting.Id}");
        Assert.Contains(page.Document.QuerySelectorAll("#Input_MembershipId option"), o => o.GetAttribute("value") == city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var result = await staff.SubmitAsync(page, new Dictionary<string, string?>
        {
            ["Input.MembershipId"] = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.AlternateName"] = " Alex Alternate ", ["Input.AlternateEmail"] = "alex@city.example.gov",
        }, Form);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var credential = await portal.WithDbAsync(db => db.Credentials.AsNoTracking().SingleAsync(c => c.MeetingId == meeting.Id && c.MembershipId == city.MembershipId));
        Assert.Equal("Robin Delegate", credential.DelegateName);
        Assert.Equal("Alex Alternate", credential.AlternateName);
        Assert.Equal("alex@city.example.gov", credential.AlternateEmail);
        Assert.Equal("Sam Staff", credential.CredentialedBy);
        Assert.Null(credential.CheckedInAtUtc);
        var after = await staff.GetFollowingAsync($"/staff/meetings/{meeting.Id}");
        var row = after.One($"[data-testid=credential-{credential.Id}]");
        Assert.Equal($"{city.Name}, CO", row?.QuerySelector("[data-testid=city]")?.TextContent);
        Assert.Equal("Robin Delegate", row?.QuerySelector("[data-testid=delegate]")?.TextContent);
        Assert.Equal("Alex Alternate (alex@city.example.gov)", row?.QuerySelector("[data-testid=alternate]")?.TextContent);
        Assert.DoesNotContain(after.Document.QuerySelectorAll("#Input_MembershipId option"), o => o.TextContent.Contains(city.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(MembershipStatus.Lapsed)]
    [InlineData(MembershipStatus.Grace)]
    [InlineData(MembershipStatus.Invoiced)]
    public async Task A_city_that_is_not_active_is_refused_with_its_status_and_nothing_is_stored(MembershipStatus status)
    {
        var staff = await portal.SignedInStaffAsync();
        var meeting = await MeetingSeeds.MeetingAsync(portal);
        var city = await CityAsync(portal, status);
        var page = await staff.GetAsync($"/staff/meetings/{meeting.Id}");
        Assert.DoesNotContain(page.Document.QuerySelectorAll("#Input_MembershipId option"), o => o.TextContent.Contains(city.Name, StringComparison.Ordinal));

        var result = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Input.MembershipId"] = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"{city.Name}, CO: Only Active member cities can be credentialed; this city's membership is {status}.", result.Errors);
        Assert.False(await portal.WithDbAsync(db => db.Credentials.AnyAsync(c => c.MembershipId == city.MembershipId)));
    }

    [Fact]
    public async Task A_second_credential_for_the_same_city_is_refused_and_the_first_stands()
    {
        var first = await portal.SignedInStaffAsync("First Staff");
        var second = await portal.SignedInStaffAsync("Second Staff");
        var meeting = await MeetingSeeds.MeetingAsync(portal);
        var city = await CityAsync(portal);
        var id = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Both opened the page while the city was still on the list.
        var firstPage = await first.GetAsync($"/staff/meetings/{meeting.Id}");
        var secondPage = await second.GetAsync($"/staff/meetings/{meeting.Id}");

        var accepted = await first.SubmitAsync(firstPage, new Dictionary<string, string?> { ["Input.MembershipId"] = id }, Form);
        var refused = await second.SubmitAsync(secondPage, new Dictionary<string, string?> { ["Input.MembershipId"] = id, ["Input.AlternateName"] = "Other Alternate", ["Input.AlternateEmail"] = "other@city.example.gov" }, Form);

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        Assert.Contains($"{city.Name}, CO is already credentialed for this meeting.", refused.Errors);
        var credential = await portal.WithDbAsync(db => db.Credentials.AsNoTracking().SingleAsync(c => c.MeetingId == meeting.Id && c.MembershipId == city.MembershipId));
        Assert.Equal("First Staff", credential.CredentialedBy);
        Assert.Null(credential.AlternateName);
    }

    [Fact]
    public async Task The_same_city_credentialed_by_two_staff_at_once_gets_exactly_one_credential()
    {
        var staff = await Task.WhenAll(portal.SignedInStaffAsync("Racer One"), portal.SignedInStaffAsync("Racer Two"));
        var meeting = await MeetingSeeds.MeetingAsync(portal);
        var city = await CityAsync(portal);
        var id = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pages = await Task.WhenAll(staff.Select(s => s.GetAsync($"/staff/meetings/{meeting.Id}")));

        var results = await Task.WhenAll(staff.Select((s, i) => s.SubmitAsync(pages[i], new Dictionary<string, string?> { ["Input.MembershipId"] = id }, Form)));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Errors.Contains($"{city.Name}, CO is already credentialed for this meeting."));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Credentials.CountAsync(c => c.MeetingId == meeting.Id && c.MembershipId == city.MembershipId)));
    }

    [Fact]
    public async Task The_same_city_can_be_credentialed_for_another_meeting()
    {
        var staff = await portal.SignedInStaffAsync();
        var winter = await MeetingSeeds.MeetingAsync(portal, Domain.Meetings.MeetingKind.Winter);
        var annual = await MeetingSeeds.MeetingAsync(portal);
        var city = await CityAsync(portal);
        var id = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var one = await staff.SubmitFormAsync($"/staff/meetings/{winter.Id}", new Dictionary<string, string?> { ["Input.MembershipId"] = id }, Form);
        var two = await staff.SubmitFormAsync($"/staff/meetings/{annual.Id}", new Dictionary<string, string?> { ["Input.MembershipId"] = id }, Form);

        Assert.Equal(HttpStatusCode.Redirect, one.Status);
        Assert.True(two.Status == HttpStatusCode.Redirect, string.Join(" ", two.Errors));
        Assert.Equal(2, await portal.WithDbAsync(db => db.Credentials.CountAsync(c => c.MembershipId == city.MembershipId)));
    }

    [Fact]
    public async Task An_alternate_needs_a_name_and_a_valid_email()
    {
        var staff = await portal.SignedInStaffAsync();
        var meeting = await MeetingSeeds.MeetingAsync(portal);
        var city = await CityAsync(portal);
        var id = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var noEmail = await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}", new Dictionary<string, string?> { ["Input.MembershipId"] = id, ["Input.AlternateName"] = "Alex" }, Form);
        var noName = await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}", new Dictionary<string, string?> { ["Input.MembershipId"] = id, ["Input.AlternateEmail"] = "alex@city.example.gov" }, Form);
        var noCity = await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}", new Dictionary<string, string?> { ["Input.MembershipId"] = "" }, Form);

        Assert.Contains("Enter the alternate's email address, like name@city.gov.", noEmail.Errors);
        Assert.Contains("Enter the alternate's name, or leave the email empty too.", noName.Errors);
        Assert.Contains("Choose the city to credential.", noCity.Errors);
        Assert.False(await portal.WithDbAsync(db => db.Credentials.AnyAsync(c => c.MeetingId == meeting.Id)));
    }

    [Theory]
    [InlineData("Bob <bob@city.example.gov>")]
    [InlineData("\"Bob\" bob@city.example.gov")]
    [InlineData("bob@city.example.gov, eve@evil.example")]
    public async Task Defect_an_alternate_email_must_be_a_bare_address_one_with_a_display_name_is_refused(string email)
    {
        // Issue 11, defect 8: `Bob <bob@x.gov>` was stored, and no account could ever match it, so the alternate could never vote.
        var staff = await portal.SignedInStaffAsync();
        var meeting = await MeetingSeeds.MeetingAsync(portal);
        var city = await CityAsync(portal);
        var id = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var refused = await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}", new Dictionary<string, string?> { ["Input.MembershipId"] = id, ["Input.AlternateName"] = "Bob Alternate", ["Input.AlternateEmail"] = email }, Form);

        Assert.Contains("Enter the alternate's email address, like name@city.gov.", refused.Errors);
        Assert.False(await portal.WithDbAsync(db => db.Credentials.AnyAsync(c => c.MeetingId == meeting.Id)));
    }

    [Fact]
    public async Task Check_in_records_who_and_when_and_a_second_check_in_keeps_the_first()
    {
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var other = await portal.SignedInStaffAsync("Kim Staff");
        var meeting = await MeetingSeeds.MeetingAsync(portal);
        var city = await CityAsync(portal);
        await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}", new Dictionary<string, string?> { ["Input.MembershipId"] = city.MembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Form);
        var credentialId = await portal.WithDbAsync(db => db.Credentials.Where(c => c.MeetingId == meeting.Id && c.MembershipId == city.MembershipId).Select(c => c.Id).SingleAsync());
        var stale = await other.GetAsync($"/staff/meetings/{meeting.Id}");
        var before = portal.Clock.GetUtcNow().UtcDateTime;

        var checkedIn = await staff.SubmitFormAsync($"/staff/meetings/{meeting.Id}", new Dictionary<string, string?>(), $"[data-testid=check-in-form-{credentialId}]");
        var again = await other.SubmitAsync(stale, new Dictionary<string, string?>(), $"[data-testid=check-in-form-{credentialId}]");

        Assert.Equal(HttpStatusCode.Redirect, checkedIn.Status);
        var credential = await portal.WithDbAsync(db => db.Credentials.AsNoTracking().SingleAsync(c => c.Id == credentialId));
        Assert.Equal("Sam Staff", credential.CheckedInBy);
        Assert.InRange(credential.CheckedInAtUtc!.Value, before.AddSeconds(-1), portal.Clock.GetUtcNow().UtcDateTime.AddSeconds(1));
        var followed = await other.GetFollowingAsync(again.Location!);
        Assert.Contains($"{city.Name}, CO was already checked in; the first check-in stands.", followed.Text, StringComparison.Ordinal);
        var cell = followed.One($"[data-testid=credential-{credentialId}] [data-testid=checked-in]")?.TextContent.Trim();
        Assert.Equal($"{credential.CheckedInAtUtc.Value:MMM d, yyyy HH:mm} UTC by Sam Staff", cell);
    }
}

public sealed class CredentialingTests_Sqlite(SqlitePortal p) : CredentialingTests(p), IClassFixture<SqlitePortal>;

public sealed class CredentialingTests_Postgres(PostgresPortal p) : CredentialingTests(p), IClassFixture<PostgresPortal>;

public sealed class CredentialingTests_SqlServer(SqlServerPortal p) : CredentialingTests(p), IClassFixture<SqlServerPortal>;

using System.Net;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Resolutions;

/// <summary>Staff set a resolution's rule to pass and its quorum; a form opened before someone else's change saves nothing.</summary>
public abstract class PassRuleTests(PortalFixture portal)
{
    private const string Form = "[data-testid=rule-form]";

    private Task<Resolution> StoredAsync(int id) => portal.WithDbAsync(db => db.Resolutions.AsNoTracking().Include(r => r.Changes).SingleAsync(r => r.Id == id));

    [Fact]
    public async Task Staff_set_two_thirds_and_a_quorum_which_the_public_page_shows_and_the_history_records()
    {
        var staff = await portal.SignedInStaffAsync("Rita Rules");
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), await CityAsync(portal));

        var result = await staff.SubmitFormAsync($"/staff/resolutions/{resolution.Id}", new Dictionary<string, string?> { ["Input.PassRule"] = "TwoThirds", ["Input.QuorumPercent"] = "60" }, Form);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var stored = await StoredAsync(resolution.Id);
        Assert.Equal((PassRule.TwoThirds, 60), (stored.PassRule, stored.QuorumPercent));
        Assert.NotEqual(resolution.Version, stored.Version);
        var change = stored.Changes.OrderBy(c => c.Id).Last();
        Assert.Equal(("Rita Rules", "Rule to pass set to Two-thirds of those voting Yes or No; quorum 60%."), (change.ByName, change.Note));
        var page = await portal.Client().GetAsync($"/resolutions/{resolution.Id}");
        Assert.Equal("Two-thirds of those voting Yes or No", page.One("[data-testid=pass-rule]")?.TextContent);
        Assert.StartsWith("60%", page.One("[data-testid=quorum]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_opened_before_another_staff_members_change_is_refused_with_a_message_and_the_first_change_stands()
    {
        var first = await portal.SignedInStaffAsync("First Staff");
        var second = await portal.SignedInStaffAsync("Second Staff");
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), await CityAsync(portal));
        var firstPage = await first.GetAsync($"/staff/resolutions/{resolution.Id}");
        var secondPage = await second.GetAsync($"/staff/resolutions/{resolution.Id}");

        var saved = await first.SubmitAsync(firstPage, new Dictionary<string, string?> { ["Input.PassRule"] = "TwoThirds", ["Input.QuorumPercent"] = "40" }, Form);
        var stale = await second.SubmitAsync(secondPage, new Dictionary<string, string?> { ["Input.PassRule"] = "SimpleMajority", ["Input.QuorumPercent"] = "75" }, Form);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("This resolution was changed by someone else while you were editing it; nothing was saved. Here are its rule and quorum as they are now; make your change again.", stale.Errors);
        Assert.Equal("40", stale.One("#Input_QuorumPercent")?.GetAttribute("value"));
        var stored = await StoredAsync(resolution.Id);
        Assert.Equal((PassRule.TwoThirds, 40), (stored.PassRule, stored.QuorumPercent));
        // The refreshed form carries the current version: sent again, it saves.
        var again = await second.SubmitAsync(stale, new Dictionary<string, string?> { ["Input.PassRule"] = "SimpleMajority", ["Input.QuorumPercent"] = "75" }, Form);
        Assert.True(again.Status == HttpStatusCode.Redirect, string.Join(" ", again.Errors));
        Assert.Equal(75, (await StoredAsync(resolution.Id)).QuorumPercent);
    }

    [Theory]
    [InlineData("101", "The quorum is a share of the electors between 0 and 100 percent.")]
    [InlineData("half", "Enter the quorum as a whole number of percent, from 0 to 100.")]
    [InlineData("-5", "Enter the quorum as a whole number of percent, from 0 to 100.")]
    public async Task A_quorum_outside_0_to_100_is_refused_and_nothing_changes(string quorum, string message)
    {
        var staff = await portal.SignedInStaffAsync();
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), await CityAsync(portal));

        var result = await staff.SubmitFormAsync($"/staff/resolutions/{resolution.Id}", new Dictionary<string, string?> { ["Input.PassRule"] = "TwoThirds", ["Input.QuorumPercent"] = quorum }, Form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, result.Errors);
        var stored = await StoredAsync(resolution.Id);
        Assert.Equal((PassRule.SimpleMajority, 50, resolution.Version), (stored.PassRule, stored.QuorumPercent, stored.Version));
    }
}

public sealed class PassRuleTests_Sqlite(SqlitePortal portal) : PassRuleTests(portal), IClassFixture<SqlitePortal>;

public sealed class PassRuleTests_Postgres(PostgresPortal portal) : PassRuleTests(portal), IClassFixture<PostgresPortal>;

public sealed class PassRuleTests_SqlServer(SqlServerPortal portal) : PassRuleTests(portal), IClassFixture<SqlServerPortal>;

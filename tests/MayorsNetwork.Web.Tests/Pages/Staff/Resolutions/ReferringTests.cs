using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Resolutions;

/// <summary>Staff refer a submitted resolution to an active standing committee; the move is recorded with who and when.</summary>
public abstract class ReferringTests(PortalFixture portal)
{
    private const string Form = "[data-testid=refer-form]";

    [Fact]
    public async Task Staff_refer_a_submitted_resolution_and_its_status_committee_and_history_say_who_and_when()
    {
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var committee = await BodyAsync(portal, $"Water Committee {Token()}", BodyKind.StandingCommittee);
        var taskForce = await BodyAsync(portal, kind: BodyKind.TaskForce);
        var retired = await BodyAsync(portal, kind: BodyKind.StandingCommittee, active: false);
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), await CityAsync(portal));
        var page = await staff.GetAsync($"/staff/resolutions/{resolution.Id}");
        var choices = page.Document.QuerySelectorAll("#Input_CommitteeId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(Id(committee.Id), choices);
        Assert.DoesNotContain(Id(taskForce.Id), choices);
        Assert.DoesNotContain(Id(retired.Id), choices);

        var result = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Input.CommitteeId"] = Id(committee.Id) }, Form);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var stored = await portal.WithDbAsync(db => db.Resolutions.AsNoTracking().Include(r => r.Changes).SingleAsync(r => r.Id == resolution.Id));
        Assert.Equal(ResolutionStatus.Referred, stored.Status);
        Assert.Equal(committee.Id, stored.CommitteeId);
        var change = stored.Changes.OrderBy(c => c.Id).Last();
        var staffId = await portal.WithDbAsync(db => db.Users.Where(u => u.FullName == "Sam Staff").Select(u => u.Id).SingleAsync());
        Assert.Equal((ResolutionStatus.Submitted, ResolutionStatus.Referred, "Sam Staff", $"Referred to the {committee.Name}."), (change.From, change.To, change.ByName, change.Note));
        Assert.Equal(staffId, change.ByUserId);
        Assert.True((portal.Clock.GetUtcNow().UtcDateTime - change.AtUtc).Duration() < TimeSpan.FromMinutes(1));
        var after = await staff.GetFollowingAsync(result.Location!);
        Assert.Equal("Referred", after.One("[data-testid=status]")?.TextContent);
        Assert.Equal(committee.Name, after.One("[data-testid=committee]")?.TextContent);
        Assert.Null(after.One(Form));
        Assert.Contains("Submitted → Referred Sam Staff", string.Join(" | ", after.Document.QuerySelectorAll("[data-testid=history] tbody tr").Select(tr => string.Join(" ", tr.Children.Skip(1).Select(c => c.TextContent)))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referring_to_a_task_force_or_to_nothing_is_refused_and_the_resolution_stays_submitted()
    {
        var staff = await portal.SignedInStaffAsync();
        var taskForce = await BodyAsync(portal, kind: BodyKind.TaskForce);
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), await CityAsync(portal));
        var page = await staff.GetAsync($"/staff/resolutions/{resolution.Id}");

        var toTaskForce = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Input.CommitteeId"] = Id(taskForce.Id) }, Form);
        var toNothing = await staff.SubmitAsync(page, new Dictionary<string, string?> { ["Input.CommitteeId"] = "" }, Form);

        Assert.Contains("Choose the active standing committee to refer it to.", toTaskForce.Errors);
        Assert.Contains("Choose the active standing committee to refer it to.", toNothing.Errors);
        var stored = await portal.WithDbAsync(db => db.Resolutions.AsNoTracking().Include(r => r.Changes).SingleAsync(r => r.Id == resolution.Id));
        Assert.Equal(ResolutionStatus.Submitted, stored.Status);
        Assert.Single(stored.Changes);
    }
}

public sealed class ReferringTests_Sqlite(SqlitePortal portal) : ReferringTests(portal), IClassFixture<SqlitePortal>;

public sealed class ReferringTests_Postgres(PostgresPortal portal) : ReferringTests(portal), IClassFixture<PostgresPortal>;

public sealed class ReferringTests_SqlServer(SqlServerPortal portal) : ReferringTests(portal), IClassFixture<SqlServerPortal>;

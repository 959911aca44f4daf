using System.Net;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Resolutions;

/// <summary>
/// The deadline is checked again when the form is posted, by the portal's clock: a form opened before the
/// deadline and sent after it is refused. (A fixture of its own: the test moves the clock.)
/// </summary>
public abstract class SubmittingAfterTheDeadlineTests(PortalFixture portal)
{
    [Fact]
    public async Task A_form_opened_before_the_deadline_and_sent_after_it_is_refused_and_the_meeting_is_no_longer_offered()
    {
        var city = await CityAsync(portal);
        var meeting = await MeetingAsync(portal, deadlineIn: TimeSpan.FromHours(1));
        var mayor = await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId);
        var form = await mayor.GetAsync("/resolutions/new");
        Assert.Contains(form.Document.QuerySelectorAll("#Input_MeetingId option"), o => o.GetAttribute("value") == Id(meeting.Id));

        portal.Clock.Advance(TimeSpan.FromHours(2));
        var result = await SubmitAsync(mayor, form, meeting.Id, "Too late", "Text.");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"The deadline for resolutions to the {meeting.Title} was {meeting.ResolutionDeadlineUtc:MMMM d, yyyy HH:mm} UTC; it has passed, so it takes no more resolutions.", result.Errors);
        Assert.Empty(await ResolutionsOfAsync(portal, city));
        var now = await mayor.GetAsync("/resolutions/new");
        Assert.DoesNotContain(now.Document.QuerySelectorAll("#Input_MeetingId option"), o => o.GetAttribute("value") == Id(meeting.Id));
    }
}

public sealed class SubmittingAfterTheDeadlineTests_Sqlite(SqlitePortal portal) : SubmittingAfterTheDeadlineTests(portal), IClassFixture<SqlitePortal>;

public sealed class SubmittingAfterTheDeadlineTests_Postgres(PostgresPortal portal) : SubmittingAfterTheDeadlineTests(portal), IClassFixture<PostgresPortal>;

public sealed class SubmittingAfterTheDeadlineTests_SqlServer(SqlServerPortal portal) : SubmittingAfterTheDeadlineTests(portal), IClassFixture<SqlServerPortal>;

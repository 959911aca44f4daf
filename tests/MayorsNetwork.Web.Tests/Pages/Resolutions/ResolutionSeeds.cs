using System.Globalization;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Resolutions;

/// <summary>Meetings and resolutions for the resolution pages' tests, and the submission form filled as a mayor would.</summary>
public static class ResolutionSeeds
{
    public const string Form = "[data-testid=resolution-form]";

    /// <summary>A meeting taking resolutions until the given time from now (30 days by default).</summary>
    public static Task<Meeting> MeetingAsync(PortalFixture portal, TimeSpan? deadlineIn = null) => portal.WithDbAsync(async db =>
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var deadline = now + (deadlineIn ?? TimeSpan.FromDays(30));
        var start = DateOnly.FromDateTime(deadline).AddDays(2);
        var meeting = new Meeting
        {
            Kind = MeetingKind.Annual, Title = $"Annual Meeting {Token()}", PlaceCity = "Denver", PlaceState = "CO",
            StartsOn = start, EndsOn = start.AddDays(3), ResolutionDeadlineUtc = deadline, CreatedBy = "Seeder",
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    });

    /// <summary>A submitted resolution written straight into the database, sponsored by the city.</summary>
    public static Task<Resolution> ResolutionAsync(PortalFixture portal, Meeting meeting, City sponsor, string? title = null, params City[] cosponsors) =>
        portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            var resolution = Resolution.Submit(meeting.Id, title ?? $"Resolution {Token()}", "The Conference supports **cities**.", sponsor.MembershipId, $"seed-{Token()}",
                $"Mayor {sponsor.Mayor}", $"{sponsor.Name}, {sponsor.State}", now);
            foreach (var c in cosponsors)
                resolution.Cosponsors.Add(new Cosponsor { MembershipId = c.MembershipId, MayorName = $"Mayor {c.Mayor}", City = $"{c.Name}, {c.State}", InvitedAtUtc = now });
            db.Resolutions.Add(resolution);
            await db.SaveChangesAsync();
            return resolution;
        });

    /// <summary>
    /// Fills the submission form of a page already fetched and posts it, with any number of cosponsors (the
    /// multiple select sends one value per chosen city, which a dictionary of fields cannot hold).
    /// </summary>
    public static Task<PageResult> SubmitAsync(PortalClient mayor, PageResult form, int? meetingId, string? title, string? text, params int[] cosponsorIds)
    {
        var token = form.One($"{Form} input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? throw new InvalidOperationException($"No submission form on the page: {form.Text[..Math.Min(300, form.Text.Length)]}");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("Input.MeetingId", meetingId?.ToString(CultureInfo.InvariantCulture) ?? ""),
            new("Input.Title", title ?? ""),
            new("Input.Text", text ?? ""),
        };
        fields.AddRange(cosponsorIds.Select(id => new KeyValuePair<string, string>("Input.CosponsorIds", id.ToString(CultureInfo.InvariantCulture))));
        return mayor.PostAsync("/resolutions/new", fields);
    }

    public static async Task<PageResult> SubmitAsync(PortalClient mayor, int? meetingId, string? title, string? text, params int[] cosponsorIds) =>
        await SubmitAsync(mayor, await mayor.GetAsync("/resolutions/new"), meetingId, title, text, cosponsorIds);

    public static Task<List<Resolution>> ResolutionsOfAsync(PortalFixture portal, City sponsor) =>
        portal.WithDbAsync(db => db.Resolutions.AsNoTracking().Include(r => r.Changes).Include(r => r.Cosponsors)
            .Where(r => r.SponsorMembershipId == sponsor.MembershipId).OrderBy(r => r.Id).ToListAsync());

    public static Task<string> MayorEmailAsync(PortalFixture portal, City city) =>
        portal.WithDbAsync(db => db.Governments.Where(g => g.Id == city.GovernmentId).Select(g => g.Mayor.Email).SingleAsync());

    /// <summary>Refers a seeded resolution straight in the database (the staff page's own referral is tested through its form).</summary>
    public static Task ReferAsync(PortalFixture portal, int resolutionId, SeededBody committee) => portal.WithDbAsync(async db =>
    {
        var resolution = await db.Resolutions.Include(r => r.Changes).SingleAsync(r => r.Id == resolutionId);
        resolution.Refer(committee.Id, committee.Name, null, "Seeder", portal.Clock.GetUtcNow().UtcDateTime);
        return await db.SaveChangesAsync();
    });

    /// <summary>The antiforgery token of a signed-in page (the sign-out form in the header carries one), for posting to a form the page does not show.</summary>
    public static string TokenOf(PageResult page) =>
        page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token on the page.");

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

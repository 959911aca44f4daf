using System.Globalization;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Tests.Pages.Account;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>
/// Open votes whose electors have real, signed-in accounts, for the tests that cast ballots through the ballot
/// page: member cities written straight into the database, each with its mayor's account (linked to the city's
/// government) signed in through the sign-in page.
/// </summary>
public static class BallotSeeds
{
    public sealed record Mayor(City City, PortalClient Client);

    /// <summary>A plenary vote opened (through the service) on a recommended resolution, with these cities credentialed.</summary>
    public sealed record OpenVote(int VoteId, int ResolutionId, int MeetingId);

    /// <summary>Active member cities with their mayors signed in.</summary>
    public static async Task<IReadOnlyList<Mayor>> MayorsAsync(PortalFixture portal, int count, MembershipStatus status = MembershipStatus.Active)
    {
        var mayors = new List<Mayor>();
        for (var i = 0; i < count; i++)
        {
            var city = await CityAsync(portal, status, mayor: $"Mayor {Token()}");
            mayors.Add(new Mayor(city, await InvoiceSeeds.SignedInMemberAsync(portal, city.GovernmentId, city.Mayor)));
        }

        return mayors;
    }

    /// <summary>Credentials for the cities (optionally naming an alternate by email), written straight into the database.</summary>
    public static Task CredentialAsync(PortalFixture portal, int meetingId, IEnumerable<City> cities, string? alternateEmail = null, string alternateName = "Alex Alternate") =>
        portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            db.Credentials.AddRange(cities.Select(c => new Credential
            {
                MeetingId = meetingId, MembershipId = c.MembershipId, DelegateName = c.Mayor, CredentialedBy = "Seeder", CredentialedAtUtc = now,
                AlternateName = alternateEmail is null ? null : alternateName, AlternateEmail = alternateEmail,
            }));
            return await db.SaveChangesAsync();
        });

    /// <summary>A meeting, the cities credentialed for it, a recommended resolution sponsored by the first, and its plenary vote opened.</summary>
    public static async Task<OpenVote> OpenPlenaryAsync(PortalFixture portal, IReadOnlyList<City> credentialed, string? alternateEmail = null,
        PassRule rule = PassRule.SimpleMajority, int quorumPercent = 50)
    {
        var meetingId = await ResultSeeds.MeetingAsync(portal);
        await CredentialAsync(portal, meetingId, credentialed, alternateEmail);
        var sponsor = new ResultSeeds.Voter(credentialed[0], new MayorsNetwork.Infrastructure.Identity.PortalUser { Id = "seeded-sponsor" });
        var resolutionId = await ResultSeeds.RecommendedResolutionAsync(portal, meetingId, sponsor, $"Resolution on Transit {Token()}", "The Conference supports transit.", rule, quorumPercent);
        return new OpenVote(await ResultSeeds.OpenPlenaryAsync(portal, resolutionId), resolutionId, meetingId);
    }

    /// <summary>An account that is no city's (an alternate, say), signed in.</summary>
    public static async Task<(string Email, PortalClient Client)> SignedInPersonAsync(PortalFixture portal, string name)
    {
        var email = await TestAccounts.CreateAsync(portal, name);
        var client = portal.Client();
        await client.SignInAsync(email, PortalFixture.Password);
        return (email, client);
    }

    /// <summary>Presses the city's button on the ballot page with the given choice (null: none chosen).</summary>
    public static async Task<PageResult> CastAsync(PortalClient client, int voteId, City city, string? choice)
    {
        var page = await client.GetAsync($"/votes/{voteId}");
        return await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.Choice"] = choice }, $"[data-testid=city-{city.MembershipId}] form");
    }

    /// <summary>Posts a ballot for any city with a token from the person's own ballot page, as a hand-made request would.</summary>
    public static async Task<PageResult> PostBallotAsync(PortalClient client, int voteId, int membershipId, string choice)
    {
        var page = await client.GetAsync($"/votes/{voteId}");
        return await client.PostAsync($"/votes/{voteId}", BallotFields(page, membershipId, choice));
    }

    public static List<KeyValuePair<string, string>> BallotFields(PageResult page, int membershipId, string choice) =>
    [
        new("__RequestVerificationToken", Resolutions.ResolutionSeeds.TokenOf(page)),
        new("Input.MembershipId", membershipId.ToString(CultureInfo.InvariantCulture)),
        new("Input.Choice", choice),
    ];

    public static Task<List<Ballot>> BallotsAsync(PortalFixture portal, int voteId) =>
        portal.WithDbAsync(db => db.Ballots.AsNoTracking().Where(b => b.VoteId == voteId).OrderBy(b => b.Id).ToListAsync());

    public static Task<Vote> VoteAsync(PortalFixture portal, int voteId) =>
        portal.WithDbAsync(db => db.Votes.AsNoTracking().SingleAsync(v => v.Id == voteId));
}

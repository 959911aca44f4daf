using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Votes;

/// <summary>
/// Votes with real data for the results pages: a meeting, Active cities credentialed for it, a resolution moved
/// through the flow with the domain's own methods, and a plenary vote opened, cast and closed through the
/// <see cref="MayorsNetwork.Web.Services.BallotBox"/> service (the ballots are what the ballot page would record).
/// </summary>
public static class ResultSeeds
{
    public sealed record Voter(City City, PortalUser User);

    public sealed record SeededVote(int VoteId, int ResolutionId, int MeetingId, string Title, IReadOnlyList<Voter> Voters);

    public static Task<int> MeetingAsync(PortalFixture portal, MeetingKind kind = MeetingKind.Annual, int startsInDays = -3, string? title = null) =>
        portal.WithDbAsync(async db =>
        {
            var today = portal.Clock.Today;
            var meeting = new Meeting
            {
                Kind = kind,
                Title = title ?? $"Annual Meeting {Token()}",
                PlaceCity = "Tulsa",
                PlaceState = "OK",
                StartsOn = today.AddDays(startsInDays),
                EndsOn = today.AddDays(startsInDays + 2),
                ResolutionDeadlineUtc = today.AddDays(startsInDays - 30).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                CreatedBy = "Seeder",
            };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });

    /// <summary>Active cities credentialed for the meeting, each with its mayor's account (linked to the city's government).</summary>
    public static async Task<IReadOnlyList<Voter>> CredentialedCitiesAsync(PortalFixture portal, int meetingId, int count)
    {
        var voters = new List<Voter>();
        for (var i = 0; i < count; i++)
        {
            var city = await CityAsync(portal, name: $"City {i:D4} {Token()}");
            voters.Add(new Voter(city, new PortalUser
            {
                UserName = $"mayor-{city.MembershipId}@city.example.gov",
                Email = $"mayor-{city.MembershipId}@city.example.gov",
                EmailConfirmed = true,
                FullName = city.Mayor,
                GovernmentId = city.GovernmentId,
            }));
        }

        await portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            db.Credentials.AddRange(voters.Select(v => new Credential
            {
                MeetingId = meetingId, MembershipId = v.City.MembershipId, DelegateName = v.City.Mayor, CredentialedBy = "Seeder", CredentialedAtUtc = now,
            }));
            return await db.SaveChangesAsync();
        });
        return voters;
    }

    /// <summary>A resolution sponsored by the first voter, referred to a standing committee and recommended by it (its committee vote is not what these tests look at).</summary>
    public static Task<int> RecommendedResolutionAsync(PortalFixture portal, int meetingId, Voter sponsor, string title, string text,
        PassRule rule = PassRule.SimpleMajority, int quorumPercent = 50, IReadOnlyList<(Voter Voter, bool Confirmed)>? cosponsors = null)
    {
        return Arrange();

        async Task<int> Arrange()
        {
            var committee = await BodyAsync(portal, name: $"Committee {Token()}", kind: BodyKind.StandingCommittee);
            return await portal.WithDbAsync(async db =>
            {
                var now = portal.Clock.GetUtcNow().UtcDateTime;
                var resolution = Resolution.Submit(meetingId, title, text, sponsor.City.MembershipId, sponsor.User.Id,
                    $"Mayor {sponsor.City.Mayor}", $"{sponsor.City.Name}, {sponsor.City.State}", now.AddDays(-40));
                resolution.SetRule(rule, quorumPercent, null, "Seeder", now.AddDays(-40));
                foreach (var (voter, confirmed) in cosponsors ?? [])
                {
                    var cosponsor = new Cosponsor { MembershipId = voter.City.MembershipId, MayorName = $"Mayor {voter.City.Mayor}", City = $"{voter.City.Name}, {voter.City.State}", InvitedAtUtc = now };
                    if (confirmed) cosponsor.Confirm(voter.User.Id, now);
                    resolution.Cosponsors.Add(cosponsor);
                }

                resolution.Refer(committee.Id, committee.Name, null, "Seeder", now);
                resolution.MoveTo(ResolutionStatus.InCommitteeVote, null, "Seeder", "Committee vote opened.", now);
                resolution.MoveTo(ResolutionStatus.Recommended, null, "Seeder", "Committee vote closed.", now);
                db.Resolutions.Add(resolution);
                await db.SaveChangesAsync();
                return resolution.Id;
            });
        }
    }

    /// <summary>Opens the plenary vote through the service.</summary>
    public static Task<int> OpenPlenaryAsync(PortalFixture portal, int resolutionId) => WithVotesAsync(portal, async votes =>
    {
        var (outcome, voteId) = await votes.OpenAsync(resolutionId, VoteStage.Plenary, null, "Seeder Staff", CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.Select(e => e.Value)));
        return voteId!.Value;
    });

    /// <summary>Each voter's mayor casts the given choice (null: does not vote), through the service, one ballot each.</summary>
    public static Task CastAsync(PortalFixture portal, int voteId, IReadOnlyList<Voter> voters, Func<int, BallotChoice?> choice) => WithVotesAsync(portal, async votes =>
    {
        for (var i = 0; i < voters.Count; i++)
        {
            if (choice(i) is not { } c) continue;
            var cast = await votes.CastAsync(voteId, voters[i].City.MembershipId, c, voters[i].User, CancellationToken.None);
            Assert.True(cast.Recorded, cast.Message);
        }

        return 0;
    });

    public static Task CloseAsync(PortalFixture portal, int voteId) => WithVotesAsync(portal, async votes =>
    {
        var outcome = await votes.CloseAsync(voteId, null, "Seeder Staff", CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.Select(e => e.Value)));
        return 0;
    });

    /// <summary>The whole plenary: a meeting (unless given), credentialed cities, a recommended resolution, the vote opened, cast and (unless told not to) closed.</summary>
    public static async Task<SeededVote> PlenaryAsync(PortalFixture portal, int cities, Func<int, BallotChoice?> choice, string? title = null, string text = "The association supports this.",
        PassRule rule = PassRule.SimpleMajority, int quorumPercent = 50, bool close = true, int? meetingId = null)
    {
        var meeting = meetingId ?? await MeetingAsync(portal);
        var voters = await CredentialedCitiesAsync(portal, meeting, cities);
        title ??= $"Resolution {Token()}";
        var resolutionId = await RecommendedResolutionAsync(portal, meeting, voters[0], title, text, rule, quorumPercent);
        var voteId = await OpenPlenaryAsync(portal, resolutionId);
        await CastAsync(portal, voteId, voters, choice);
        if (close) await CloseAsync(portal, voteId);
        return new SeededVote(voteId, resolutionId, meeting, title, voters);
    }

    private static async Task<T> WithVotesAsync<T>(PortalFixture portal, Func<MayorsNetwork.Web.Services.BallotBox, Task<T>> work)
    {
        T result = default!;
        await portal.WithScopeAsync(async sp => result = await work(sp.GetRequiredService<MayorsNetwork.Web.Services.BallotBox>()));
        return result;
    }
}

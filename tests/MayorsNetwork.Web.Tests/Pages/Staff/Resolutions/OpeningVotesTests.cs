using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;
using static MayorsNetwork.Web.Tests.Pages.Resolutions.ResolutionSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Resolutions;

/// <summary>Staff open the committee vote on a referred resolution from its page; the electors are fixed then.</summary>
public abstract class OpeningVotesTests(PortalFixture portal)
{
    private const string Form = "[data-testid=open-committee-form]";

    [Fact]
    public async Task Opening_the_committee_vote_creates_the_vote_with_the_committees_active_cities_and_moves_the_resolution()
    {
        var staff = await portal.SignedInStaffAsync("Olga Opener");
        var committee = await BodyAsync(portal, kind: BodyKind.StandingCommittee);
        var (chair, member, lapsed, elsewhere) = (await CityAsync(portal), await CityAsync(portal), await CityAsync(portal, MembershipStatus.Lapsed), await CityAsync(portal));
        await SeatAsync(portal, committee, chair, SeatRole.Chair);
        await SeatAsync(portal, committee, member, SeatRole.Member);
        await SeatAsync(portal, committee, lapsed, SeatRole.Member);
        await SeatAsync(portal, await BodyAsync(portal, kind: BodyKind.StandingCommittee), elsewhere, SeatRole.Member);
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), chair);
        await ReferAsync(portal, resolution.Id, committee);

        var result = await staff.SubmitFormAsync($"/staff/resolutions/{resolution.Id}", new Dictionary<string, string?>(), Form);

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var vote = await portal.WithDbAsync(db => db.Votes.AsNoTracking().Include(v => v.Electors).SingleAsync(v => v.ResolutionId == resolution.Id));
        Assert.Equal($"/staff/votes/{vote.Id}", result.Location);
        Assert.Equal((VoteStage.Committee, true, "Olga Opener", committee.Id, 2), (vote.Stage, vote.IsOpen, vote.OpenedBy, vote.BodyId, vote.ElectorCount));
        Assert.Equal(new[] { chair.MembershipId, member.MembershipId }.Order(), vote.Electors.Select(e => e.MembershipId).Order());
        var stored = await portal.WithDbAsync(db => db.Resolutions.AsNoTracking().Include(r => r.Changes).SingleAsync(r => r.Id == resolution.Id));
        Assert.Equal(ResolutionStatus.InCommitteeVote, stored.Status);
        Assert.Equal("Olga Opener", stored.Changes.OrderBy(c => c.Id).Last().ByName);

        var page = await staff.GetAsync($"/staff/resolutions/{resolution.Id}");
        Assert.Equal("In committee vote", page.One("[data-testid=status]")?.TextContent);
        Assert.Equal("Open", page.One($"[data-testid=vote-{vote.Id}] [data-testid=vote-state]")?.TextContent);
        Assert.Equal("2", page.One($"[data-testid=vote-{vote.Id}] [data-testid=electors]")?.TextContent);
        Assert.Null(page.One(Form));
        var links = (await portal.Client().GetAsync($"/resolutions/{resolution.Id}")).Document.QuerySelectorAll($"[data-testid=vote-{vote.Id}] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/votes/{vote.Id}", $"/votes/{vote.Id}/tally"], links);
    }

    [Fact]
    public async Task Opening_is_refused_with_a_message_when_no_active_city_sits_on_the_committee()
    {
        var staff = await portal.SignedInStaffAsync();
        var committee = await BodyAsync(portal, kind: BodyKind.StandingCommittee);
        await SeatAsync(portal, committee, await CityAsync(portal, MembershipStatus.Lapsed), SeatRole.Chair);
        var resolution = await ResolutionAsync(portal, await MeetingAsync(portal), await CityAsync(portal));
        await ReferAsync(portal, resolution.Id, committee);

        var result = await staff.SubmitFormAsync($"/staff/resolutions/{resolution.Id}", new Dictionary<string, string?>(), Form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("No city can vote: the committee has no current seat held by an Active member city.", result.Errors);
        Assert.False(await portal.WithDbAsync(db => db.Votes.AnyAsync(v => v.ResolutionId == resolution.Id)));
        Assert.Equal(ResolutionStatus.Referred, await portal.WithDbAsync(db => db.Resolutions.Where(r => r.Id == resolution.Id).Select(r => r.Status).SingleAsync()));
        Assert.NotNull(result.One(Form));
    }
}

public sealed class OpeningVotesTests_Sqlite(SqlitePortal portal) : OpeningVotesTests(portal), IClassFixture<SqlitePortal>;

public sealed class OpeningVotesTests_Postgres(PostgresPortal portal) : OpeningVotesTests(portal), IClassFixture<PostgresPortal>;

public sealed class OpeningVotesTests_SqlServer(SqlServerPortal portal) : OpeningVotesTests(portal), IClassFixture<SqlServerPortal>;

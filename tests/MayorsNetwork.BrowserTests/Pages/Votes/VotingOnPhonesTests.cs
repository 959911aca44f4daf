using MayorsNetwork.BrowserTests.Support;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Domain.Resolutions;
using MayorsNetwork.Domain.Voting;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Votes;

/// <summary>
/// The annual meeting in a browser: two mayors cast their cities' ballots on phones while a third screen shows
/// the live tally moving without a reload; then staff close the vote and the results page shows it adopted.
/// axe finds no serious or critical violation on the ballot, tally and results pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VotingOnPhonesTests(BrowserPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_mayors_vote_on_phones_while_the_tally_moves_without_a_reload_and_the_result_is_adopted()
    {
        var token = Guid.NewGuid().ToString("N")[..6];
        var (voteId, mayors) = await SeedOpenPlenaryAsync(token, 3);

        var tally = await portal.NewPageAsync();
        await using var tallyContext = tally.Context;
        await tally.GotoAsync($"/votes/{voteId}/tally");
        await Expect(tally.GetByTestId("count-yes")).ToHaveTextAsync("0");
        // Marks this document: a reload would lose the mark.
        await tally.EvaluateAsync("() => { window.notReloaded = true; }");
        await Accessibility.AssertNoSeriousViolationsAsync(tally, output);

        var first = await PhoneAsync(mayors[0].Email);
        var second = await PhoneAsync(mayors[1].Email);
        await using var firstContext = first.Context;
        await using var secondContext = second.Context;

        await first.GotoAsync($"/votes/{voteId}");
        await Expect(first.GetByRole(AriaRole.Heading, new() { Name = mayors[0].City })).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(first);
        await Accessibility.AssertNoSeriousViolationsAsync(first, output);
        await BrowserPortal.ScreenshotAsync(first, "ballot-phone");
        await ChooseAsync(first, "Yes");
        await first.GetByRole(AriaRole.Button, new() { Name = $"Cast {mayors[0].City}'s ballot" }).ClickAsync();
        await Expect(first.GetByTestId("voted-choice")).ToHaveTextAsync("Yes");
        await Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync($"{mayors[0].City} voted Yes. Your ballot is recorded and final.");
        await Accessibility.AssertNoSeriousViolationsAsync(first, output);

        // The tally shows the first ballot within two seconds (the script asks every second), on the same document.
        await Expect(tally.GetByTestId("count-yes")).ToHaveTextAsync("1", new() { Timeout = 2_500 });
        await Expect(tally.GetByTestId("turnout")).ToHaveTextAsync("1 of 3 (33.3%)");

        await second.GotoAsync($"/votes/{voteId}");
        await ChooseAsync(second, "No");
        await second.GetByRole(AriaRole.Button, new() { Name = $"Cast {mayors[1].City}'s ballot" }).ClickAsync();
        await Expect(second.GetByTestId("voted-choice")).ToHaveTextAsync("No");

        await Expect(tally.GetByTestId("count-no")).ToHaveTextAsync("1", new() { Timeout = 2_500 });
        await Expect(tally.GetByTestId("quorum")).ToHaveTextAsync("Quorum reached: 2 ballots, 2 needed.");
        Assert.True(await tally.EvaluateAsync<bool>("() => window.notReloaded === true"), "The tally page was reloaded; it should update in place.");

        // The third city votes Yes, staff close the vote, and the tally says closed by itself.
        var third = await PhoneAsync(mayors[2].Email);
        await using var thirdContext = third.Context;
        await third.GotoAsync($"/votes/{voteId}");
        await ChooseAsync(third, "Yes");
        await third.GetByRole(AriaRole.Button, new() { Name = $"Cast {mayors[2].City}'s ballot" }).ClickAsync();
        await Expect(third.GetByTestId("voted-choice")).ToHaveTextAsync("Yes");

        var staff = await portal.NewPageAsync();
        await using var staffContext = staff.Context;
        await BrowserPortal.SignInAsync(staff, await portal.CreateStaffAsync("Carla Closer"));
        await staff.GotoAsync($"/staff/votes/{voteId}");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Close the vote" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("The vote is closed: Adopted. Passed: 2 Yes to 1 No.");

        await Expect(tally.GetByTestId("state")).ToHaveTextAsync("Closed", new() { Timeout = 2_500 });
        await Expect(tally.GetByTestId("closed-note")).ToBeVisibleAsync();
        await Expect(tally.GetByTestId("count-yes")).ToHaveTextAsync("2");
        Assert.True(await tally.EvaluateAsync<bool>("() => window.notReloaded === true"));

        var results = await PhoneAsync(null);
        await using var resultsContext = results.Context;
        await results.GotoAsync($"/votes/{voteId}/results");
        await Expect(results.GetByTestId("outcome")).ToHaveTextAsync("Adopted");
        await AssertFitsTheScreenAsync(results);
        await Accessibility.AssertNoSeriousViolationsAsync(results, output);
        await BrowserPortal.ScreenshotAsync(results, "results-phone");
    }

    [Fact]
    public async Task Without_script_the_ballot_and_the_tally_still_work()
    {
        var token = Guid.NewGuid().ToString("N")[..6];
        var (voteId, mayors) = await SeedOpenPlenaryAsync(token, 2);
        var context = await portal.NewContextWithoutScriptAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();

        await BrowserPortal.SignInAsync(page, mayors[0].Email);
        await page.GotoAsync($"/votes/{voteId}");
        await ChooseAsync(page, "Abstain");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Cast {mayors[0].City}'s ballot" }).ClickAsync();
        await Expect(page.GetByTestId("voted-choice")).ToHaveTextAsync("Abstain");
        await page.GotoAsync($"/votes/{voteId}/tally");
        await Expect(page.GetByTestId("count-abstain")).ToHaveTextAsync("1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Refresh" })).ToBeVisibleAsync();
    }

    /// <summary>Taps a choice's label, as a person does (USWDS tiles hide the radio button itself).</summary>
    private static async Task ChooseAsync(IPage page, string choice)
    {
        await page.Locator($"label.usa-radio__label:text-is('{choice}')").ClickAsync();
        await Expect(page.GetByLabel(choice, new() { Exact = true })).ToBeCheckedAsync();
    }

    private async Task<IPage> PhoneAsync(string? email)
    {
        var page = await portal.NewPageAsync(width: 375, height: 667);
        if (email is not null) await BrowserPortal.SignInAsync(page, email);
        return page;
    }

    private static async Task AssertFitsTheScreenAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]}px wide on a {widths[1]}px phone screen, so it scrolls sideways.");
    }

    /// <summary>Active member cities with their mayors' accounts, credentialed for a meeting whose recommended resolution has its plenary vote open.</summary>
    private async Task<(int VoteId, IReadOnlyList<(string City, string Email)> Mayors)> SeedOpenPlenaryAsync(string token, int count)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var meeting = new Meeting
        {
            Kind = MeetingKind.Annual, Title = $"Annual Meeting {token}", PlaceCity = "Tulsa", PlaceState = "OK",
            StartsOn = today, EndsOn = today.AddDays(2), ResolutionDeadlineUtc = now.AddDays(-30), CreatedBy = "Seeder",
        };
        db.Meetings.Add(meeting);
        var memberships = new List<Membership>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{(char)('A' + i)}ville {token}";
            var government = new Government
            {
                Name = name, NameKey = Government.KeyFor(name), State = "KS", Kind = GovernmentKind.City, Population = 120_000 + i, CensusYear = 2020,
                Mayor = new Contact { Name = $"Mayor {(char)('A' + i)} {token}", Email = $"mayor-{i}-{token}@city.example.gov", Phone = "316-555-0100" },
                Liaison = new Contact { Name = "Lee Liaison", Email = $"liaison-{i}-{token}@city.example.gov", Phone = "316-555-0101" },
                Billing = new Contact { Name = "Finance Office", Email = $"billing-{i}-{token}@city.example.gov", Phone = "316-555-0102" },
                BillingAddress = "1 Main Street",
            };
            var membership = Membership.Apply(government, $"seed-{token}-{i}", "Seeder", now);
            foreach (var to in new[] { MembershipStatus.Approved, MembershipStatus.Invoiced, MembershipStatus.Active }) membership.MoveTo(to, null, "Seeder", "Seeded", now);
            db.Memberships.Add(membership);
            memberships.Add(membership);
        }

        var committeeName = $"Committee on Parks {token}";
        var committee = new Body { Name = committeeName, Slug = SeatRules.SlugFor(committeeName), Kind = BodyKind.StandingCommittee, CreatedAtUtc = now, CreatedBy = "Seeder" };
        db.Bodies.Add(committee);
        await db.SaveChangesAsync();
        var mayors = new List<(string City, string Email)>();
        foreach (var m in memberships)
        {
            db.Credentials.Add(new Credential { MeetingId = meeting.Id, MembershipId = m.Id, DelegateName = m.Government.Mayor.Name, CredentialedBy = "Seeder", CredentialedAtUtc = now });
            var email = $"mayor-{m.Id}-{token}@city.example.gov";
            var created = await users.CreateAsync(new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = m.Government.Mayor.Name, GovernmentId = m.GovernmentId }, BrowserPortal.Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            mayors.Add(($"{m.Government.Name}, KS", email));
        }

        var sponsor = memberships[0];
        var resolution = Resolution.Submit(meeting.Id, $"Resolution on Parks {token}", "The Conference supports **parks**.", sponsor.Id, "seeder",
            sponsor.Government.Mayor.Name, $"{sponsor.Government.Name}, KS", now.AddDays(-40));
        resolution.Refer(committee.Id, committee.Name, null, "Seeder", now);
        resolution.MoveTo(ResolutionStatus.InCommitteeVote, null, "Seeder", "Committee vote opened.", now);
        resolution.MoveTo(ResolutionStatus.Recommended, null, "Seeder", "Committee vote closed.", now);
        db.Resolutions.Add(resolution);
        await db.SaveChangesAsync();
        var (outcome, voteId) = await scope.ServiceProvider.GetRequiredService<MayorsNetwork.Web.Services.BallotBox>().OpenAsync(resolution.Id, VoteStage.Plenary, null, "Seeder Staff", CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.Select(e => e.Value)));
        return (voteId!.Value, mayors);
    }
}

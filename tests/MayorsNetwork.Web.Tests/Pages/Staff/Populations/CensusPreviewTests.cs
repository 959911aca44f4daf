using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Populations;

/// <summary>
/// Issue 14, item 8: the preview of next year's dues with the new figures, and what the city sees of them. Dublin, CA
/// passed 20,000 and its league dues rose from $2,089 to $2,615 (product.md): under that two-tier table, this year and
/// next, Dublin (19,950 now, 20,115 next year) moves up; Mounds View, MN (13,249) and Dallas, TX (1,304,379) stay.
/// </summary>
public abstract class CensusPreviewTests(PortalFixture portal)
{
    private int This => portal.Clock.Today.Year;

    private int Next => This + 1;

    [Fact]
    public async Task The_preview_shows_each_members_dues_the_bracket_totals_and_a_chart_and_the_city_sees_its_dues_next_year()
    {
        await UseLeagueTableAsync();
        var t = InvoiceSeeds.Token();
        var dublin = await PopulationSeeds.MemberAsync(portal, $"Dublin {t}", "CA", 19_950);
        var moundsView = await PopulationSeeds.MemberAsync(portal, $"Mounds View {t}", "MN", 13_249);
        var dallas = await PopulationSeeds.MemberAsync(portal, $"Dallas {t}", "TX", 1_304_379);
        var staff = await portal.SignedInStaffAsync();
        var saved = await staff.SubmitFormAsync("/staff/populations",
            new Dictionary<string, string?> { ["Input.Name"] = dublin.Name, ["Input.State"] = "CA", ["Input.Population"] = "20115", ["Input.CensusYear"] = "2025" },
            "form:has([data-testid=record-figure])");
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var page = await staff.GetAsync("/staff/populations");

        Assert.Equal(
            ["$2,089.00", "$2,615.00", "+$526.00", "0 to 19,999 → 20,000 and over"],
            Cells(page, dublin.GovernmentId));
        Assert.Equal(["$2,089.00", "$2,089.00", "no change", "0 to 19,999"], Cells(page, moundsView.GovernmentId));
        Assert.Equal(["$2,615.00", "$2,615.00", "no change", "20,000 and over"], Cells(page, dallas.GovernmentId));
        // Dublin, the only bracket change, is listed first.
        Assert.Equal(dublin.GovernmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), page.One("[data-testid=member-rows] tbody tr")!.GetAttribute("data-government-id"));
        Assert.Equal(
            $"3 members: FY {This} dues $6,793.00, FY {Next} dues $7,319.00 (+$526.00). 1 pay more, 0 pay less, 2 the same; 1 change bracket.",
            Squash(page.One("[data-testid=totals]")!.TextContent));
        Assert.Equal(["0 to 19,999", "2", "1", "0", "1", "$4,178.00", "$2,089.00", "-$2,089.00"], Bracket(page, "0 to 19,999"));
        Assert.Equal(["20,000 and over", "1", "2", "1", "0", "$2,615.00", "$5,230.00", "+$2,615.00"], Bracket(page, "20,000 and over"));
        var chart = page.One("svg.change-chart")!;
        Assert.Equal($"Next year's dues total $526.00 more than this year's.", chart.QuerySelector("desc")!.TextContent);
        Assert.Equal(2, chart.QuerySelectorAll("rect").Length);
        Assert.Equal("bar-up", chart.QuerySelectorAll("rect")[1].GetAttribute("class"));
        Assert.Null(page.One("[data-testid=schedule-missing]"));

        // The city: "Your dues next year" on /account, and its fiscal year on /account/budget.
        var member = await InvoiceSeeds.SignedInMemberAsync(portal, dublin.GovernmentId, "Dana Clerk");
        var estimate = $"FY {Next} dues: $2,615.00, $526.00 more than FY {This} ($2,089.00). With a population of 20,115 the bracket changes from 0 to 19,999 to 20,000 and over.";
        var noticeDay = $"February {(DateTime.IsLeapYear(This) ? 2 : 1)}, {This}"; // 150 days before July 1
        var account = await member.GetAsync("/account");
        Assert.Equal(estimate, Squash(account.One("[data-testid=next-year-dues-summary]")!.TextContent));
        Assert.Contains($"we email the estimate to your billing contact on {noticeDay}", Squash(account.One("[data-testid=your-dues-next-year]")!.TextContent), StringComparison.Ordinal);

        var budget = await member.GetAsync(account.One("[data-testid=budget-link]")!.GetAttribute("href")!);
        Assert.Equal(estimate, Squash(budget.One("[data-testid=next-year-dues]")!.TextContent));
        Assert.Equal($"Your fiscal year FY {Next} starts on July 1, {This}. We email this estimate to your billing contact on {noticeDay}.", Squash(budget.One("[data-testid=notice-date]")!.TextContent));
        Assert.Equal("7", budget.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Input_StartMonth")!.Value);

        var refused = await member.SubmitAsync(budget, new Dictionary<string, string?> { ["Input.StartMonth"] = "13" });
        PopulationSeeds.AssertOk(refused);
        Assert.Equal("Choose the month your city's fiscal year starts, January to December.", refused.One("#Input_StartMonth-error")!.TextContent.Trim());
        var notANumber = await member.SubmitAsync(budget, new Dictionary<string, string?> { ["Input.StartMonth"] = "July" });
        PopulationSeeds.AssertOk(notANumber);
        Assert.Equal("Choose the month your city's fiscal year starts, January to December.", notANumber.One("#Input_StartMonth-error")!.TextContent.Trim());
        Assert.False(await portal.WithDbAsync(db => db.BudgetCalendars.AnyAsync(c => c.GovernmentId == dublin.GovernmentId)));

        var october = await member.SubmitAsync(budget, new Dictionary<string, string?> { ["Input.StartMonth"] = "10" });
        Assert.Equal(HttpStatusCode.Redirect, october.Status);
        var after = await member.GetAsync(october.Location!);
        Assert.Contains("Saved: your city's fiscal year starts in October.", after.Text, StringComparison.Ordinal);
        Assert.Equal($"Your fiscal year FY {Next} starts on October 1, {This}. We email this estimate to your billing contact on May 4, {This}.", Squash(after.One("[data-testid=notice-date]")!.TextContent));
        var calendar = await portal.WithDbAsync(db => db.BudgetCalendars.AsNoTracking().SingleAsync(c => c.GovernmentId == dublin.GovernmentId));
        Assert.Equal((10, "Dana Clerk", (int?)null), (calendar.FiscalYearStartMonth, calendar.ChangedBy, calendar.LastNoticedCityYear));

        // Next year's renewal invoices are priced with the figure recorded for that year.
        var renewals = await staff.GetAsync("/staff/renewals");
        Assert.Contains(Next.ToString(System.Globalization.CultureInfo.InvariantCulture), renewals.One("[data-testid=start-renewals]")!.TextContent, StringComparison.Ordinal);
        var started = await staff.SubmitAsync(renewals, new Dictionary<string, string?>(), "form:has([data-testid=start-renewals])");
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var invoice = await WaitForRenewalAsync(dublin.GovernmentId);
        Assert.Equal(2_615m, invoice.Total);
        Assert.Equal($"Membership dues, FY {Next}: population 20,115, bracket 20,000 and over", invoice.Lines.OrderBy(l => l.Id).First().Description);
    }

    private async Task<MayorsNetwork.Domain.Invoices.Invoice> WaitForRenewalAsync(int governmentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Lines)
                .FirstOrDefaultAsync(i => i.Membership.GovernmentId == governmentId && i.FiscalYear == Next));
            if (invoice is not null) return invoice;
            Assert.True(DateTime.UtcNow < deadline, "No renewal invoice was issued within 30 seconds.");
            await Task.Delay(200);
        }
    }

    /// <summary>This year's schedule (seeded at start-up) and next year's: the two-tier league table of product.md.</summary>
    private Task UseLeagueTableAsync() => portal.WithDbAsync(async db =>
    {
        static List<DuesBracket> League() =>
        [
            new DuesBracket { MinPopulation = 0, MaxPopulation = 20_000, BaseAmount = 2_089m },
            new DuesBracket { MinPopulation = 20_000, BaseAmount = 2_615m },
        ];
        var current = await db.DuesSchedules.SingleAsync(s => s.FiscalYear == This);
        current.Kind = DuesScheduleKind.FlatTiers;
        current.Brackets.Clear();
        current.Brackets.AddRange(League());
        if (!await db.DuesSchedules.AnyAsync(s => s.FiscalYear == Next))
            db.DuesSchedules.Add(new DuesSchedule { FiscalYear = Next, Name = "State league", Kind = DuesScheduleKind.FlatTiers, Brackets = League() });
        await db.SaveChangesAsync();
    });

    private static List<string> Cells(PageResult page, int governmentId) =>
        new[] { "dues-this", "dues-next", "dues-change", "bracket" }.Select(id => page.One($"tr[data-government-id='{governmentId}'] [data-testid={id}]")!.TextContent.Trim()).ToList();

    private static List<string> Bracket(PageResult page, string bracket) =>
        page.One($"[data-testid=bracket-totals] tr[data-bracket='{bracket}']")!.Children.Select(c => c.TextContent.Trim()).ToList();

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}

public sealed class CensusPreviewTests_Sqlite(JanuaryThirtiethSqlitePortal portal) : CensusPreviewTests(portal), IClassFixture<JanuaryThirtiethSqlitePortal>;

public sealed class CensusPreviewTests_Postgres(JanuaryThirtiethPostgresPortal portal) : CensusPreviewTests(portal), IClassFixture<JanuaryThirtiethPostgresPortal>;

public sealed class CensusPreviewTests_SqlServer(JanuaryThirtiethSqlServerPortal portal) : CensusPreviewTests(portal), IClassFixture<JanuaryThirtiethSqlServerPortal>;

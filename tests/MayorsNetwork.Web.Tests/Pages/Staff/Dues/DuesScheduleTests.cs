using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Dues;

/// <summary>
/// Staff create a dues schedule for a coming fiscal year at /staff/dues/create; the schedules in force
/// stay as they were, and the public calculator switches only when the new year begins.
/// </summary>
public abstract class DuesScheduleTests(PortalFixture portal)
{
    /// <summary>The fiscal year now: the calendar year (the default fiscal year starts in January).</summary>
    private static int CurrentYear => DateTime.UtcNow.Year;

    /// <summary>
    /// The ICLEI tiers with the first two amounts raised (by default $650 under 50,000 and $1,300 under
    /// 100,000), every field filled so that the form does not depend on the schedule it starts from.
    /// </summary>
    private static Dictionary<string, string?> RaisedTiers(int year, string under50k = "650.00", string under100k = "1,300")
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var form = new Dictionary<string, string?>
        {
            ["Input.FiscalYear"] = year.ToString(inv),
            ["Input.Name"] = $"Population tiers {year}",
            ["Input.Kind"] = nameof(DuesScheduleKind.FlatTiers),
            ["Input.Discount"] = "25",
            ["Input.PerCapitaRate"] = "",
            ["Input.MinimumAmount"] = "",
            ["Input.MaximumAmount"] = "",
        };
        var tiers = DefaultDuesSchedules.IcleiUsaTiers(year).Brackets;
        for (var i = 0; i < 12; i++)
        {
            form[$"Input.Brackets[{i}].From"] = i < tiers.Count ? tiers[i].MinPopulation.ToString(inv) : "";
            form[$"Input.Brackets[{i}].Base"] = i < tiers.Count ? tiers[i].BaseAmount.ToString("0.00", inv) : "";
            form[$"Input.Brackets[{i}].Rate"] = "";
        }

        form["Input.Brackets[0].Base"] = under50k;
        form["Input.Brackets[1].Base"] = under100k;
        return form;
    }

    private Task<int> SchedulesAsync(int year) => portal.WithDbAsync(db => db.DuesSchedules.CountAsync(s => s.FiscalYear == year));

    private Task<DuesSchedule> ScheduleAsync(int year) => portal.WithDbAsync(db => db.DuesSchedules.AsNoTracking().SingleAsync(s => s.FiscalYear == year));

    private static void AssertIsTheIcleiTable(DuesSchedule schedule)
    {
        var expected = DefaultDuesSchedules.IcleiUsaTiers(schedule.FiscalYear);
        Assert.Equal(expected.Name, schedule.Name);
        Assert.Equal(expected.NewMemberDiscountPercent, schedule.NewMemberDiscountPercent);
        Assert.Equal(
            expected.Brackets.Select(b => (b.MinPopulation, b.MaxPopulation, b.BaseAmount)),
            schedule.Brackets.OrderBy(b => b.MinPopulation).Select(b => (b.MinPopulation, b.MaxPopulation, b.BaseAmount)));
    }

    /// <summary>The same portal and database, with the clock at the given moment (a second instance of the app).</summary>
    private PortalClient At(DateTimeOffset now, out WebApplicationFactory<Program> factory)
    {
        factory = portal.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Outbox:WorkerEnabled", "false");
            b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedClock(now)));
        });
        return new PortalClient(factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }), portal);
    }

    [Fact]
    public async Task Staff_create_next_years_schedule_and_the_current_one_stays_as_it_was()
    {
        var next = CurrentYear + 1;
        var staff = await portal.SignedInStaffAsync("Dana Dues");
        var latest = await portal.WithDbAsync(db => db.DuesSchedules.AsNoTracking().OrderByDescending(s => s.FiscalYear).FirstAsync());
        var form = await staff.GetAsync("/staff/dues/create");
        // The form starts from the latest schedule, for the year after it.
        Assert.Equal((latest.FiscalYear + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), form.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_FiscalYear")!.Value);
        Assert.Equal(latest.Name, form.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);

        var saved = await staff.SubmitAsync(form, RaisedTiers(next));

        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" ", saved.Errors));
        var list = await staff.GetAsync(saved.Location!);
        Assert.Contains($"The schedule for fiscal year {next} is saved.", list.Text, StringComparison.Ordinal);
        var listed = list.One($"[data-testid=schedule-{next}]")!;
        Assert.Contains($"Fiscal year {next}: Population tiers {next}", listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("by Dana Dues", listed.TextContent, StringComparison.Ordinal);
        var rows = listed.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).Take(2).ToList()).ToList();
        Assert.Equal(["0 to 49,999", "$650.00"], rows[0]);
        Assert.Equal(["50,000 to 99,999", "$1,300.00"], rows[1]);
        Assert.Equal(["4,000,000 and over", "$8,000.00"], rows[^1]);
        Assert.Contains("$600.00", list.One($"[data-testid=schedule-{CurrentYear}]")!.TextContent, StringComparison.Ordinal);

        var stored = await ScheduleAsync(next);
        Assert.Equal(650m, stored.Brackets.Single(b => b.MinPopulation == 0).BaseAmount);
        Assert.Equal(1_300m, stored.Brackets.Single(b => b.MinPopulation == 50_000).BaseAmount);
        Assert.Equal(10, stored.Brackets.Count);
        Assert.Empty(stored.Validate());
        AssertIsTheIcleiTable(await ScheduleAsync(CurrentYear));

        // A second schedule for the same year is refused; the first stays.
        var again = await staff.SubmitFormAsync("/staff/dues/create", RaisedTiers(next));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(again.Errors, e => e.Contains($"Fiscal year {next} already has a schedule", StringComparison.Ordinal));
        Assert.Equal(1, await SchedulesAsync(next));
    }

    [Fact]
    public async Task The_public_calculator_uses_a_new_schedule_once_an_application_would_be_invoiced_for_its_fiscal_year()
    {
        var year = CurrentYear + 3;
        var staff = await portal.SignedInStaffAsync();
        var saved = await staff.SubmitFormAsync("/staff/dues/create", RaisedTiers(year, under50k: "700", under100k: "1400.00"));
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" ", saved.Errors));

        // Before the last three months of the year before (issue 14's rollover window): the old amounts. Fixed dates,
        // not today's, because today may fall inside that window.
        var before = At(new DateTimeOffset(year - 1, 9, 30, 12, 0, 0, TimeSpan.Zero), out var beforeFactory);
        await using (beforeFactory)
        {
            var page = await before.GetAsync("/dues?population=45000");
            Assert.NotEqual("$700.00", page.One("[data-testid=dues-amount]")!.TextContent);
            Assert.DoesNotContain($"fiscal year {year} onwards", page.Text, StringComparison.Ordinal);
        }

        // The day before that fiscal year: an application approved now would be invoiced for it (Rollover, the
        // default), so the calculator already shows its amounts, and says why.
        var eve = At(new DateTimeOffset(year - 1, 12, 31, 23, 0, 0, TimeSpan.Zero), out var eveFactory);
        await using (eveFactory)
        {
            var page = await eve.GetAsync("/dues?population=45000");
            Assert.Equal("$700.00", page.One("[data-testid=dues-amount]")!.TextContent);
            Assert.Contains($"are invoiced for FY {year}", page.One("[data-testid=dues-why]")!.TextContent, StringComparison.Ordinal);
        }

        // On its first day, and after: the new amounts, with the first-year discount of the schedule.
        var first = At(new DateTimeOffset(year, 1, 1, 0, 30, 0, TimeSpan.Zero), out var firstFactory);
        await using (firstFactory)
        {
            var page = await first.GetAsync("/dues?population=45000");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("$700.00", page.One("[data-testid=dues-amount]")!.TextContent);
            Assert.Equal("0 to 49,999", page.One("[data-testid=dues-bracket]")!.TextContent);
            Assert.StartsWith("$525.00", page.One("[data-testid=dues-first-year]")!.TextContent, StringComparison.Ordinal);
            Assert.Contains($"Population tiers {year}, fiscal year {year} onwards.", page.Text, StringComparison.Ordinal);
            Assert.Equal("$1,400.00", (await first.GetAsync("/dues?population=50000")).One("[data-testid=dues-amount]")!.TextContent);
        }
    }

    [Fact]
    public async Task A_schedule_for_a_past_year_is_refused()
    {
        var staff = await portal.SignedInStaffAsync();
        var before = await portal.WithDbAsync(db => db.DuesSchedules.CountAsync());

        var page = await staff.SubmitFormAsync("/staff/dues/create", RaisedTiers(CurrentYear - 1));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains($"current fiscal year ({CurrentYear}) or later", StringComparison.Ordinal));
        Assert.Equal(before, await portal.WithDbAsync(db => db.DuesSchedules.CountAsync()));
        AssertIsTheIcleiTable(await ScheduleAsync(CurrentYear));
    }

    [Fact]
    public async Task A_second_schedule_for_the_current_year_is_refused()
    {
        var staff = await portal.SignedInStaffAsync();

        var page = await staff.SubmitFormAsync("/staff/dues/create", RaisedTiers(CurrentYear));

        Assert.Contains(page.Errors, e => e.Contains($"Fiscal year {CurrentYear} already has a schedule", StringComparison.Ordinal));
        AssertIsTheIcleiTable(await ScheduleAsync(CurrentYear));
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Input.Brackets[0].Base", "abc", "row 1's base amount as a number with at most 2 decimal places" },
        { "Input.Brackets[0].Base", "12.345", "row 1's base amount as a number with at most 2 decimal places" },
        { "Input.Brackets[2].Base", "-1750", "Row 3's base amount cannot be negative." },
        { "Input.Brackets[2].Base", "", "Enter row 3's base amount." },
        { "Input.Brackets[1].Base", "99999999999", "row 2's base amount as a number" },
        { "Input.Brackets[1].Base", "0", "the amount must be more than zero" },
        { "Input.Brackets[1].From", "fifty thousand", "Row 2: enter the population the bracket starts at" },
        { "Input.Brackets[1].From", "-50000", "Row 2: enter the population the bracket starts at" },
        { "Input.Brackets[0].From", "1000", "The first bracket must start at a population of 0." },
        { "Input.Brackets[1].From", "0", "Rows 1 and 2 both start at a population of 0" },
        { "Input.Brackets[4].From", "200,000", "Rows 4 and 5 both start at a population of 200,000" },
        { "Input.Discount", "-25", "The new-member discount cannot be negative." },
        { "Input.Discount", "abc", "the new-member discount as a number" },
        { "Input.Discount", "150", "between 0 and 100 percent" },
        { "Input.FiscalYear", "next year", "Enter the fiscal year, like 2027." },
        { "Input.FiscalYear", "99999", "Enter the fiscal year, like 2027." },
        { "Input.Name", "", "Give the schedule a name" },
        { "Input.Name", new string('n', 121), "Give the schedule a name" },
        { "Input.Kind", "Bogus", "Choose the kind of schedule." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_gets_a_clear_message_and_nothing_is_stored(string field, string value, string message)
    {
        var year = CurrentYear + 7;
        var staff = await portal.SignedInStaffAsync();
        var form = RaisedTiers(year);
        form[field] = value;
        var before = await portal.WithDbAsync(db => db.DuesSchedules.CountAsync());

        var page = await staff.SubmitFormAsync("/staff/dues/create", form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Contains("Please correct the following", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDbAsync(db => db.DuesSchedules.CountAsync()));
        Assert.Equal(0, await SchedulesAsync(year));
        // What was typed stays in the form to be corrected.
        if (field.StartsWith("Input.Brackets", StringComparison.Ordinal) && value.Length > 0)
            Assert.Equal(value, page.Document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='{field}']")!.Value);
    }

    [Fact]
    public async Task A_per_capita_schedule_needs_its_rate_and_minimum()
    {
        var year = CurrentYear + 8;
        var staff = await portal.SignedInStaffAsync();
        var form = RaisedTiers(year);
        form["Input.Kind"] = nameof(DuesScheduleKind.PerCapita);
        form["Input.PerCapitaRate"] = "";
        form["Input.MinimumAmount"] = "";

        var page = await staff.SubmitFormAsync("/staff/dues/create", form);

        Assert.Contains(page.Errors, e => e.Contains("Enter the rate per resident.", StringComparison.Ordinal));
        Assert.Contains(page.Errors, e => e.Contains("Enter the minimum.", StringComparison.Ordinal));
        Assert.Equal(0, await SchedulesAsync(year));

        form["Input.PerCapitaRate"] = "0.0494";
        form["Input.MinimumAmount"] = "500";
        form["Input.MaximumAmount"] = "25000";
        var saved = await staff.SubmitFormAsync("/staff/dues/create", form);

        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join(" ", saved.Errors));
        var stored = await ScheduleAsync(year);
        Assert.Equal((DuesScheduleKind.PerCapita, 0.0494m, 500m, (decimal?)25_000m), (stored.Kind, stored.PerCapitaRate, stored.MinimumAmount, stored.MaximumAmount));
        Assert.Empty(stored.Brackets);
        var list = await staff.GetAsync("/staff/dues");
        Assert.Contains("minimum $500.00, maximum $25,000.00", list.One($"[data-testid=schedule-{year}]")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class DuesScheduleTests_Sqlite(SqlitePortal portal) : DuesScheduleTests(portal), IClassFixture<SqlitePortal>;

public sealed class DuesScheduleTests_Postgres(PostgresPortal portal) : DuesScheduleTests(portal), IClassFixture<PostgresPortal>;

public sealed class DuesScheduleTests_SqlServer(SqlServerPortal portal) : DuesScheduleTests(portal), IClassFixture<SqlServerPortal>;

using System.Globalization;
using System.Text.Json;
using MayorsNetwork.Domain.Dues;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Dues;

/// <summary>
/// On November 15 (in the last three months of a January fiscal year), under the default Rollover policy, with next
/// year's schedule set (a city of 60,000 pays $1,300 instead of $1,200): /dues and /join show next year's dues and say
/// why, and approval invoices exactly that.
/// </summary>
public abstract class NextYearsDuesTests(PortalFixture portal)
{
    [Fact]
    public async Task In_the_rollover_window_the_calculator_and_the_form_show_next_years_dues_and_approval_charges_them()
    {
        var next = portal.Clock.Today.Year + 1;
        Assert.Equal(new DateOnly(next - 1, 11, 15), portal.Clock.Today);
        await portal.WithDbAsync(async db =>
        {
            if (await db.DuesSchedules.AnyAsync(s => s.FiscalYear == next)) return;
            var schedule = DefaultDuesSchedules.IcleiUsaTiers(next);
            schedule.Brackets.Single(b => b.MinPopulation == 50_000).BaseAmount = 1_300m;
            db.DuesSchedules.Add(schedule);
            await db.SaveChangesAsync();
        });
        var why = $"Applications approved from October 1, {next - 1} are invoiced for FY {next}, and membership runs from approval to December 31, {next}. These are FY {next}'s dues.";

        var dues = await portal.Client().GetAsync("/dues?population=60,000");
        Assert.Equal("$1,300.00", dues.One("[data-testid=dues-amount]")!.TextContent);
        Assert.Equal(next.ToString(CultureInfo.InvariantCulture), dues.One("[data-testid=dues-year]")!.TextContent);
        Assert.Equal(why, dues.One("[data-testid=dues-why]")!.TextContent);
        Assert.Contains($"fiscal year {next} onwards", dues.One("figcaption")!.TextContent, StringComparison.Ordinal);

        var plain = await portal.Client().GetAsync("/dues");
        Assert.Equal(why, plain.One("[data-testid=dues-why]")!.TextContent);

        using (var json = JsonDocument.Parse(await portal.Client().Http.GetStringAsync("/dues?handler=quote&population=60000")))
        {
            Assert.Equal(next, json.RootElement.GetProperty("fiscalYear").GetInt32());
            Assert.Equal("$975.00", json.RootElement.GetProperty("amount").GetString());
            Assert.Equal(why, json.RootElement.GetProperty("explanation").GetString());
        }

        var form = DatedPortals.Application(portal, population: 60_000);
        var join = await portal.Client().SubmitFormAsync("/join", form, submitSelector: "#show-dues");
        Assert.Equal("$975.00", join.One("[data-testid=join-dues]")!.TextContent);
        Assert.Contains($"fiscal year {next}.", join.Text, StringComparison.Ordinal);
        Assert.Equal(why, join.One("[data-testid=join-dues-why]")!.TextContent);

        var approved = await Workflow.ApplyAndApproveAsync(portal, form: DatedPortals.Application(portal, population: 60_000));
        var invoice = await portal.WithDbAsync(db => db.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.MembershipId == approved.MembershipId));
        Assert.Equal(next, invoice.FiscalYear);
        Assert.Equal((new DateOnly(next - 1, 11, 15), new DateOnly(next, 12, 31)), (invoice.PeriodStart, invoice.PeriodEnd));
        Assert.Equal($"Membership dues, FY {next}: population 60,000, bracket 50,000 to 99,999", invoice.Lines.OrderBy(l => l.Id).First().Description);
        Assert.Equal(975.00m, invoice.Total);
        var mail = await portal.Mail.WaitForAsync(approved.Form["Input.ApplicantEmail"]!, "membership application");
        Assert.Contains("$975.00", mail.Text, StringComparison.Ordinal);
    }
}

public sealed class NovemberFifteenthSqlitePortal : SqlitePortal
{
    public NovemberFifteenthSqlitePortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(11, 15));
}

public sealed class NovemberFifteenthPostgresPortal : PostgresPortal
{
    public NovemberFifteenthPostgresPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(11, 15));
}

public sealed class NovemberFifteenthSqlServerPortal : SqlServerPortal
{
    public NovemberFifteenthSqlServerPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(11, 15));
}

public sealed class NextYearsDuesTests_Sqlite(NovemberFifteenthSqlitePortal portal) : NextYearsDuesTests(portal), IClassFixture<NovemberFifteenthSqlitePortal>;

public sealed class NextYearsDuesTests_Postgres(NovemberFifteenthPostgresPortal portal) : NextYearsDuesTests(portal), IClassFixture<NovemberFifteenthPostgresPortal>;

public sealed class NextYearsDuesTests_SqlServer(NovemberFifteenthSqlServerPortal portal) : NextYearsDuesTests(portal), IClassFixture<NovemberFifteenthSqlServerPortal>;

using System.Net;
using System.Text;
using MayorsNetwork.Web.Services;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Populations;

/// <summary>
/// Issue 14, item 8: staff record next year's population figures one at a time or from a CSV. The CSV is a dry run
/// first (every error by row and column, nothing changed); confirming records the figures with their history.
/// On January 30 the next fiscal year is the one after the calendar year.
/// </summary>
public abstract class PopulationFiguresTests(PortalFixture portal)
{
    private int Next => portal.Clock.Today.Year + 1;

    [Fact]
    public async Task One_figure_is_recorded_with_who_and_when_and_bad_input_changes_nothing()
    {
        var t = InvoiceSeeds.Token();
        var dublin = await PopulationSeeds.MemberAsync(portal, $"Dublin {t}", "CA", 19_950);
        var staff = await portal.SignedInStaffAsync("Pat Figures");
        const string form = "form:has([data-testid=record-figure])";

        var notANumber = await staff.SubmitFormAsync("/staff/populations", Figure(dublin.Name, "CA", "20k", "2025"), form);
        PopulationSeeds.AssertOk(notANumber);
        Assert.Equal("Enter the population as a whole number from 1 to 50,000,000 (1234567 or 1,234,567).", notANumber.One("#Input_Population-error")!.TextContent.Trim());

        var unknown = await staff.SubmitFormAsync("/staff/populations", Figure($"Atlantis {t}", "CA", "20,115", "2025"), form);
        PopulationSeeds.AssertOk(unknown);
        Assert.Equal($"Atlantis {t}, CA is not a member city (check the spelling and the state).", unknown.One("#Input_Name-error")!.TextContent.Trim());

        var badYear = await staff.SubmitFormAsync("/staff/populations", Figure(dublin.Name, "CA", "20115", "20250"), form);
        PopulationSeeds.AssertOk(badYear);
        Assert.Equal("Enter the census year, such as 2020.", badYear.One("#Input_CensusYear-error")!.TextContent.Trim());
        Assert.Equal(0, await portal.WithDbAsync(db => db.PopulationFigures.CountAsync(f => f.GovernmentId == dublin.GovernmentId)));

        var saved = await staff.SubmitFormAsync("/staff/populations", Figure(dublin.Name.ToUpperInvariant(), "ca", "20,115", "2025"), form);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await staff.GetAsync(saved.Location!);
        Assert.Contains($"{dublin.Name.ToUpperInvariant()}, CA: a population of 20,115 is recorded for FY {Next}.", after.Text, StringComparison.Ordinal);
        var row = after.One($"tr[data-government-id='{dublin.GovernmentId}']")!;
        Assert.Equal("20,115", row.QuerySelector("[data-testid=population-next]")!.TextContent);
        var figure = await portal.WithDbAsync(db => db.PopulationFigures.AsNoTracking().SingleAsync(f => f.GovernmentId == dublin.GovernmentId));
        Assert.Equal((Next, 20_115, 2025, 19_950, "Pat Figures", (Guid?)null), (figure.FiscalYear, figure.Population, figure.CensusYear, figure.PreviousPopulation, figure.RecordedBy, figure.UploadId));
        Assert.Equal(portal.Clock.Today, DateOnly.FromDateTime(figure.RecordedAtUtc));
        // This year's population (and invoices) stay as they were.
        Assert.Equal(19_950, await portal.WithDbAsync(db => db.Governments.Where(g => g.Id == dublin.GovernmentId).Select(g => g.Population).SingleAsync()));
    }

    [Theory]
    [InlineData("name;state;population;census year\nX {t};CA;100;2020\n", "0", "The file is separated by semicolons. Save it as comma-separated values (CSV) and upload it again.")]
    [InlineData("city,state,pop\nX {t},CA,100\n", "0", "The first row must be the column names name,state,population,census year; this file's first row is: city,state,pop.")]
    [InlineData("name,state,population,census year\nAtlantis {t},CA,100,2020\n", "2", "Atlantis {t}, CA is not a member city (check the spelling and the state).")]
    [InlineData("name,state,population,census year\nTwice {t},CA,100,2020\nTwice {t},CA,200,2020\n", "3", "Twice {t}, CA is already on row 2; each city can appear once.")]
    [InlineData("name,state,population,census year\nBig {t},CA,1,234,567,2020\n", "2", "it has 6 values; expected 4 (name, state, population, census year). A population written with commas, such as 1,234,567, must be in double quotes.")]
    [InlineData("name,state,population,census year\nWordy {t},CA,lots,2020\n", "2", "\"lots\" is not a whole number of people (write 1234567 or \"1,234,567\").")]
    [InlineData("%PDF-1.7\n\0\0\0", "0", "The file is not a text (CSV) file.")]
    public async Task A_bad_file_is_listed_by_row_and_nothing_is_changed(string content, string row, string message)
    {
        var t = InvoiceSeeds.Token();
        var staff = await portal.SignedInStaffAsync();
        var before = await PopulationSeeds.CountsAsync(portal);

        var page = await PopulationSeeds.UploadAsync(staff, "figures.csv", Encoding.UTF8.GetBytes(content.Replace("{t}", t, StringComparison.Ordinal)));

        PopulationSeeds.AssertOk(page);
        Assert.Contains("nothing was changed", page.One("[data-testid=csv-errors] h2")!.TextContent, StringComparison.Ordinal);
        var cells = page.One($"[data-testid=csv-errors] tr[data-row='{row}']")!.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal(message.Replace("{t}", t, StringComparison.Ordinal), cells[2]);
        Assert.Null(page.One("[data-testid=confirm-upload]"));
        Assert.Equal(before, await PopulationSeeds.CountsAsync(portal));
    }

    [Fact]
    public async Task A_good_file_is_previewed_then_confirmed_once_and_its_figures_keep_their_history()
    {
        var t = InvoiceSeeds.Token();
        var dublin = await PopulationSeeds.MemberAsync(portal, $"Dublin {t}", "CA", 19_950);
        var pasadena = await PopulationSeeds.MemberAsync(portal, $"Pasadena {t}", "CA", 138_699);
        var staff = await portal.SignedInStaffAsync("Sam Census");
        var csv = $"\uFEFFName,State,Population,Census Year\r\nDublin {t},CA,\"20,115\",2025\r\nPasadena {t},ca,135732,2025\r\n";
        var before = await PopulationSeeds.CountsAsync(portal);

        var dryRun = await PopulationSeeds.UploadAsync(staff, "census-2025.csv", Encoding.UTF8.GetBytes(csv));

        PopulationSeeds.AssertOk(dryRun);
        Assert.Equal("census-2025.csv: 2 figures, no errors. Nothing is recorded yet.", dryRun.One("[data-testid=dry-run] h2")!.TextContent.Trim());
        Assert.Equal("20,115", dryRun.One($"tr[data-government-id='{dublin.GovernmentId}'] [data-testid=population-next]")!.TextContent);
        Assert.Equal("135,732", dryRun.One($"tr[data-government-id='{pasadena.GovernmentId}'] [data-testid=population-next]")!.TextContent);
        Assert.Equal((before.Figures, before.Uploads + 1), await PopulationSeeds.CountsAsync(portal));
        var overview = await staff.GetAsync("/staff/populations");
        Assert.Equal("19,950", overview.One($"tr[data-government-id='{dublin.GovernmentId}'] [data-testid=population-next]")!.TextContent);

        var confirmed = await staff.SubmitAsync(dryRun, new Dictionary<string, string?>(), "form:has([data-testid=confirm-upload])");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var after = await staff.GetAsync(confirmed.Location!);
        Assert.Contains($"2 population figures recorded for FY {Next}.", after.Text, StringComparison.Ordinal);
        Assert.Equal("20,115", after.One($"tr[data-government-id='{dublin.GovernmentId}'] [data-testid=population-next]")!.TextContent);
        var upload = await portal.WithDbAsync(db => db.PopulationUploads.AsNoTracking().SingleAsync(u => u.FileName == "census-2025.csv" && u.UploadedBy == "Sam Census"));
        Assert.Equal("Sam Census", upload.AppliedBy);
        var figures = await portal.WithDbAsync(db => db.PopulationFigures.AsNoTracking().Where(f => f.UploadId == upload.Id).OrderBy(f => f.Population).ToListAsync());
        Assert.Equal(
            [(dublin.GovernmentId, 20_115, 19_950, 2025), (pasadena.GovernmentId, 135_732, 138_699, 2025)],
            figures.Select(f => (f.GovernmentId, f.Population, f.PreviousPopulation, f.CensusYear)));
        Assert.All(figures, f => Assert.Equal((Next, "Sam Census"), (f.FiscalYear, f.RecordedBy)));

        // The same confirmation posted again records nothing more.
        var again = await staff.SubmitAsync(dryRun, new Dictionary<string, string?>(), "form:has([data-testid=confirm-upload])");
        PopulationSeeds.AssertOk(again);
        Assert.Contains("census-2025.csv was already confirmed by Sam Census", again.One("[data-testid=csv-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await portal.WithDbAsync(db => db.PopulationFigures.CountAsync(f => f.UploadId == upload.Id)));
    }

    [Fact]
    public async Task A_very_long_file_name_is_stored_cut_and_dry_runs_nobody_confirmed_for_a_week_are_dropped()
    {
        var t = InvoiceSeeds.Token();
        await PopulationSeeds.MemberAsync(portal, $"Mesa {t}", "AZ", 504_258);
        var staff = await portal.SignedInStaffAsync("Lee Longname");
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var (old, recent) = (Guid.NewGuid(), Guid.NewGuid());
        await portal.WithDbAsync(async db =>
        {
            db.PopulationUploads.AddRange(
                new() { Id = old, FileName = "old.csv", Content = "x", FiscalYear = Next, Rows = 1, UploadedAtUtc = now.AddDays(-8), UploadedBy = "Lee Longname" },
                new() { Id = recent, FileName = "recent.csv", Content = "x", FiscalYear = Next, Rows = 1, UploadedAtUtc = now.AddDays(-6), UploadedBy = "Lee Longname" });
            await db.SaveChangesAsync();
        });
        var menu = await staff.GetAsync("/staff/invoices");
        Assert.Equal("Population figures", menu.One("nav[aria-label=Staff] a[href='/staff/populations']")!.TextContent);
        var name = new string('n', 300) + ".csv";

        var dryRun = await PopulationSeeds.UploadAsync(staff, name, Encoding.UTF8.GetBytes($"name,state,population,census year\nMesa {t},AZ,511648,2025\n"));

        PopulationSeeds.AssertOk(dryRun);
        Assert.EndsWith("no errors. Nothing is recorded yet.", dryRun.One("[data-testid=dry-run] h2")!.TextContent.Trim(), StringComparison.Ordinal);
        var stored = await portal.WithDbAsync(db => db.PopulationUploads.AsNoTracking().Where(u => u.UploadedBy == "Lee Longname").Select(u => new { u.Id, u.FileName }).ToListAsync());
        Assert.DoesNotContain(stored, u => u.Id == old);
        Assert.Contains(stored, u => u.Id == recent);
        Assert.Equal(CensusFigures.FileNameMaxLength, Assert.Single(stored, u => u.Id != recent).FileName.Length);
    }

    [Fact]
    public async Task Ten_thousand_rows_of_unknown_cities_are_all_reported_and_nothing_is_changed()
    {
        var t = InvoiceSeeds.Token();
        var staff = await portal.SignedInStaffAsync();
        var before = await PopulationSeeds.CountsAsync(portal);
        var csv = "name,state,population,census year\n" + string.Join('\n', Enumerable.Range(1, 10_000).Select(i => $"Nowhere {t} {i},TX,{1_000 + i},2020"));

        var page = await PopulationSeeds.UploadAsync(staff, "ten-thousand.csv", Encoding.UTF8.GetBytes(csv));

        PopulationSeeds.AssertOk(page);
        Assert.Equal("ten-thousand.csv has 10,000 errors; nothing was changed", page.One("[data-testid=csv-errors] h2")!.TextContent.Trim());
        Assert.Equal(500, page.Document.QuerySelectorAll("[data-testid=csv-errors] tbody tr").Length);
        Assert.Equal("And 9,500 more errors not listed.", page.One("[data-testid=more-errors]")!.TextContent.Trim());
        Assert.Equal(before, await PopulationSeeds.CountsAsync(portal));
    }

    [Fact]
    public async Task A_file_that_is_not_UTF_8_or_is_over_8_MB_gets_a_message_and_nothing_is_changed()
    {
        var staff = await portal.SignedInStaffAsync();
        var before = await PopulationSeeds.CountsAsync(portal);

        // "Dublin" in Windows-1252 with an accented name: not UTF-8.
        var latin1 = await PopulationSeeds.UploadAsync(staff, "excel.csv", [.. Encoding.ASCII.GetBytes("name,state,population,census year\nSan Jos"), 0xE9, .. Encoding.ASCII.GetBytes(",CA,971233,2020\n")]);
        PopulationSeeds.AssertOk(latin1);
        Assert.Equal("excel.csv is not a UTF-8 text (CSV) file. Save it as \"CSV UTF-8\" and upload it again.", latin1.One("[data-testid=file-error]")!.TextContent.Trim());

        var huge = await PopulationSeeds.UploadAsync(staff, "huge.csv", Encoding.ASCII.GetBytes("name,state,population,census year\n" + new string('x', 9 * 1024 * 1024)));
        PopulationSeeds.AssertOk(huge);
        Assert.Equal("huge.csv is 9 MB; a population file can be at most 8 MB.", huge.One("[data-testid=file-error]")!.TextContent.Trim());

        Assert.Equal(before, await PopulationSeeds.CountsAsync(portal));
    }

    private static Dictionary<string, string?> Figure(string name, string state, string population, string censusYear) => new()
    {
        ["Input.Name"] = name, ["Input.State"] = state, ["Input.Population"] = population, ["Input.CensusYear"] = censusYear,
    };
}

public sealed class PopulationFiguresTests_Sqlite(JanuaryThirtiethSqlitePortal portal) : PopulationFiguresTests(portal), IClassFixture<JanuaryThirtiethSqlitePortal>;

public sealed class PopulationFiguresTests_Postgres(JanuaryThirtiethPostgresPortal portal) : PopulationFiguresTests(portal), IClassFixture<JanuaryThirtiethPostgresPortal>;

public sealed class PopulationFiguresTests_SqlServer(JanuaryThirtiethSqlServerPortal portal) : PopulationFiguresTests(portal), IClassFixture<JanuaryThirtiethSqlServerPortal>;

using System.Net;
using AngleSharp;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Web.Tests.Pages.Staff.Invoices;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Populations;

/// <summary>Member cities with a population of their own, and the CSV upload as a browser sends it (multipart).</summary>
public static class PopulationSeeds
{
    public sealed record City(int GovernmentId, string Name, string State, int Population, string BillingEmail, string MayorEmail);

    /// <summary>An Active member (its first invoice paid) named <paramref name="name"/> in <paramref name="state"/>.</summary>
    public static async Task<City> MemberAsync(PortalFixture portal, string name, string state, int population)
    {
        var seeded = await InvoiceSeeds.AddOneAsync(portal, portal.Clock.Today.Year, new(name, InvoiceStatus.Paid));
        return await portal.WithDbAsync(async db =>
        {
            var g = await db.Governments.SingleAsync(g => g.Id == seeded.GovernmentId);
            g.State = state;
            g.Population = population;
            await db.SaveChangesAsync();
            return new City(g.Id, g.Name, g.State, population, g.Billing.Email, g.Mayor.Email);
        });
    }

    /// <summary>Posts a file to /staff/populations/upload as the page's form would.</summary>
    public static async Task<PageResult> UploadAsync(PortalClient staff, string fileName, byte[] content)
    {
        var page = await staff.GetAsync("/staff/populations/upload");
        var token = page.One("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new("text/csv");
        form.Add(file, "Input.File", fileName);
        var response = await staff.Http.PostAsync("/staff/populations/upload", form);
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!.ToString()));
        return new PageResult(response.StatusCode, response, document, html);
    }

    public static Task<(int Figures, int Uploads)> CountsAsync(PortalFixture portal) =>
        portal.WithDbAsync(async db => (await db.PopulationFigures.CountAsync(), await db.PopulationUploads.CountAsync()));

    public static void AssertOk(PageResult page) =>
        Assert.True(page.Status == HttpStatusCode.OK, $"Expected 200, got {page.Status}: {page.Text[..Math.Min(400, page.Text.Length)]}");
}

/// <summary>Portals on January 30 of next year: FY (January) is the calendar year, a July city's budget notice is due February 1.</summary>
public sealed class JanuaryThirtiethSqlitePortal : SqlitePortal
{
    public JanuaryThirtiethSqlitePortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(1, 30));
}

public sealed class JanuaryThirtiethPostgresPortal : PostgresPortal
{
    public JanuaryThirtiethPostgresPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(1, 30));
}

public sealed class JanuaryThirtiethSqlServerPortal : SqlServerPortal
{
    public JanuaryThirtiethSqlServerPortal() => DatedPortals.StartOn(Clock, DatedPortals.Next(1, 30));
}

using System.Net;
using AngleSharp.Dom;
using MayorsNetwork.Domain.Members;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Applications;

/// <summary>An application made through /join: the form as typed and what the database gave it.</summary>
public sealed record JoinedApplication(Dictionary<string, string?> Form, int MembershipId, int GovernmentId)
{
    public string Name => Form["Input.Name"]!;

    public string ApplicantEmail => Form["Input.ApplicantEmail"]!;

    public string MayorEmail => Form["Input.MayorEmail"]!;

    public string DetailUrl => $"/staff/applications/{MembershipId}";
}

/// <summary>Arranging applications for staff to review, and pressing the buttons on the detail page.</summary>
public static class ApplicationsUnderReview
{
    /// <summary>Applies through /join as a mayor's office would, so the applicant's account exists.</summary>
    public static async Task<JoinedApplication> ApplyAsync(PortalFixture portal, Dictionary<string, string?>? form = null)
    {
        form ??= Support.Applications.Valid();
        var posted = await portal.Client().SubmitFormAsync("/join", form);
        Assert.True(posted.Status == HttpStatusCode.Redirect, $"Applying failed: {string.Join(" ", posted.Errors)}");
        var name = form["Input.Name"]!;
        var ids = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Government.Name == name)
            .Select(m => new { m.Id, m.GovernmentId }).SingleAsync());
        return new JoinedApplication(form, ids.Id, ids.GovernmentId);
    }

    /// <summary>
    /// Stores applications straight through the DbContext (much faster than /join), the n-th applied
    /// n minutes after <paramref name="firstAppliedUtc"/>, optionally already decided.
    /// </summary>
    public static async Task<IReadOnlyList<int>> SeedAsync(
        PortalFixture portal, IEnumerable<string> names, string state = "CO", MembershipStatus status = MembershipStatus.Applied, DateTime? firstAppliedUtc = null)
    {
        var start = firstAppliedUtc ?? DateTime.UtcNow;
        return await portal.WithDbAsync(async db =>
        {
            var memberships = names.Select((name, i) =>
            {
                var at = start.AddMinutes(i);
                var government = new Government
                {
                    Name = name,
                    NameKey = Government.KeyFor(name),
                    Kind = GovernmentKind.City,
                    State = state,
                    Population = 45_000 + i,
                    CensusYear = 2020,
                    Mayor = new Contact { Name = "Pat Mayor", Email = "mayor@seeded.example.gov", Phone = "555-0100" },
                    Liaison = new Contact { Name = "Lee Liaison", Email = "liaison@seeded.example.gov", Phone = "555-0101" },
                    Billing = new Contact { Name = "Finance Office", Email = "billing@seeded.example.gov", Phone = "555-0102" },
                };
                var membership = Membership.Apply(government, "seeded-applicant", "Seeded Applicant", at);
                if (status != MembershipStatus.Applied) membership.MoveTo(status, null, "Seeded Staff", "Seeded decision", at.AddSeconds(1));
                return membership;
            }).ToList();
            db.Memberships.AddRange(memberships);
            await db.SaveChangesAsync();
            return (IReadOnlyList<int>)memberships.Select(m => m.Id).ToList();
        });
    }

    public static Task<PageResult> ApproveAsync(PortalClient staff, PageResult detail) =>
        staff.SubmitAsync(detail, new Dictionary<string, string?>(), FormOf(detail, "approve"));

    public static Task<PageResult> RejectAsync(PortalClient staff, PageResult detail, string reason) =>
        staff.SubmitAsync(detail, new Dictionary<string, string?> { ["Input.Reason"] = reason }, FormOf(detail, "reject"));

    /// <summary>A selector for the form that holds the button with this test id (each form posts to its own handler).</summary>
    private static string FormOf(PageResult page, string button)
    {
        var form = page.Document.QuerySelectorAll("main form").FirstOrDefault(f => f.QuerySelector($"[data-testid={button}]") is not null);
        Assert.True(form is not null, $"No '{button}' button on the page: {page.Text[..Math.Min(400, page.Text.Length)]}");
        return $"main form[action=\"{form.GetAttribute("action")}\"]";
    }

    /// <summary>The rows of the history table: (from, to, by, why), newest first as the page lists them.</summary>
    public static IReadOnlyList<(string From, string To, string By, string Why)> History(PageResult page, string table = "[data-testid=history]") =>
        page.Document.QuerySelectorAll($"{table} tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(c => c.Count == 5 ? (c[1], c[2], c[3], c[4]) : ("", c[1], c[2], c[3]))
            .ToList();

    /// <summary>The names in the list of applications, top to bottom.</summary>
    public static IReadOnlyList<string> Names(PageResult page) =>
        page.Document.QuerySelectorAll("[data-testid=applications] tbody th").Select(th => th.TextContent.Trim()).ToList();

    public static IReadOnlyList<IElement> Rows(PageResult page) =>
        page.Document.QuerySelectorAll("[data-testid=applications] tbody tr").ToList();
}

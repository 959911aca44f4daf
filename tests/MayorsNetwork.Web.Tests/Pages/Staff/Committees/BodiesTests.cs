using System.Net;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MayorsNetwork.Web.Tests.Pages.Committees.CommitteeSeeds;

namespace MayorsNetwork.Web.Tests.Pages.Staff.Committees;

/// <summary>Staff create and edit bodies; names make unique addresses; a stale edit saves nothing.</summary>
public abstract class BodiesTests(PortalFixture portal)
{
    [Fact]
    public async Task A_new_task_force_gets_an_address_from_its_name_and_is_listed_publicly_with_no_seats()
    {
        var staff = await portal.SignedInStaffAsync("Sam Staff");
        var name = $"Water Resilience {Token()} Task Force";

        var result = await staff.SubmitFormAsync("/staff/committees/create", new Dictionary<string, string?>
        {
            ["Input.Name"] = "  " + name.Replace(" ", "   ", StringComparison.Ordinal) + " ", ["Input.Kind"] = "TaskForce", ["Input.Description"] = "Floods and *droughts*.",
        });

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var slug = SeatRules.SlugFor(name);
        Assert.Equal($"/staff/committees/{slug}", result.Location);
        var body = await portal.WithDbAsync(db => db.Bodies.SingleAsync(b => b.Slug == slug));
        Assert.Equal(name, body.Name);
        Assert.Equal(BodyKind.TaskForce, body.Kind);
        Assert.Equal("Sam Staff", body.CreatedBy);
        var list = await portal.Client().GetAsync("/committees");
        var entry = list.Document.QuerySelectorAll("[data-testid=kind-TaskForce] [data-testid=body]").Single(li => li.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Equal("· 0 seats filled", entry.QuerySelector("[data-testid=seat-count]")?.TextContent.Trim());
        var page = await portal.Client().GetAsync($"/committees/{slug}");
        Assert.Equal("droughts", page.One("[data-testid=description] em")?.TextContent);
    }

    [Fact]
    public async Task A_name_already_taken_or_empty_is_refused_and_nothing_is_stored()
    {
        var staff = await portal.SignedInStaffAsync();
        var existing = await BodyAsync(portal);
        var before = await portal.WithDbAsync(db => db.Bodies.CountAsync());

        var duplicate = await staff.SubmitFormAsync("/staff/committees/create", new Dictionary<string, string?> { ["Input.Name"] = existing.Name.ToUpperInvariant(), ["Input.Kind"] = "TaskForce" });
        var empty = await staff.SubmitFormAsync("/staff/committees/create", new Dictionary<string, string?> { ["Input.Name"] = " ", ["Input.Kind"] = "Nonsense" });

        Assert.Contains($"There is already a body named like “{existing.Name.ToUpperInvariant()}”. Choose another name.", duplicate.Errors);
        Assert.Contains("Enter the body's name.", empty.Errors);
        Assert.Contains("Choose the kind of body.", empty.Errors);
        Assert.Equal(before, await portal.WithDbAsync(db => db.Bodies.CountAsync()));
    }

    [Fact]
    public async Task Editing_renames_the_body_at_the_same_address_and_retiring_it_moves_it_to_no_longer_active()
    {
        var staff = await portal.SignedInStaffAsync("Kim Staff");
        var body = await BodyAsync(portal);
        var newName = $"Renamed {Token()} Committee";

        var result = await staff.SubmitFormAsync($"/staff/committees/{body.Slug}/edit", new Dictionary<string, string?>
        {
            ["Input.Name"] = newName, ["Input.Kind"] = "StandingCommittee", ["Input.IsActive"] = "false",
        });

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join(" ", result.Errors));
        var saved = await portal.WithDbAsync(db => db.Bodies.SingleAsync(b => b.Id == body.Id));
        Assert.Equal(newName, saved.Name);
        Assert.Equal(body.Slug, saved.Slug);
        Assert.False(saved.IsActive);
        Assert.Equal("Kim Staff", saved.UpdatedBy);
        var page = await portal.Client().GetAsync($"/committees/{body.Slug}");
        Assert.Equal(newName, page.One("h1")?.TextContent);
        Assert.Equal("No longer active", page.One("[data-testid=inactive]")?.TextContent);
        var list = await portal.Client().GetAsync("/committees");
        Assert.DoesNotContain(newName, list.One("[data-testid=kind-StandingCommittee]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains(newName, list.One("#inactive-heading")?.ParentElement?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_from_a_form_opened_before_another_staff_member_saved_keeps_theirs_and_says_so()
    {
        var (alice, bob) = (await portal.SignedInStaffAsync("Alice Staff"), await portal.SignedInStaffAsync("Bob Staff"));
        var body = await BodyAsync(portal);
        var aliceForm = await alice.GetAsync($"/staff/committees/{body.Slug}/edit");
        var bobsName = $"Bob's {Token()} Task Force";

        var bobs = await bob.SubmitFormAsync($"/staff/committees/{body.Slug}/edit", new Dictionary<string, string?> { ["Input.Name"] = bobsName, ["Input.Description"] = "Bob's description" });
        var stale = await alice.SubmitAsync(aliceForm, new Dictionary<string, string?> { ["Input.Name"] = "Alice's name", ["Input.Description"] = "Alice's description" });

        Assert.Equal(HttpStatusCode.Redirect, bobs.Status);
        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains($"{bobsName} was changed by Bob Staff while you were editing it; nothing was saved.", stale.Errors[0], StringComparison.Ordinal);
        // The form now shows Bob's version, ready for Alice to make her change again.
        Assert.Equal(bobsName, stale.One("#Input_Name")?.GetAttribute("value"));
        Assert.Equal("Bob's description", stale.One("#Input_Description")?.TextContent);
        var saved = await portal.WithDbAsync(db => db.Bodies.SingleAsync(b => b.Id == body.Id));
        Assert.Equal(bobsName, saved.Name);
        Assert.Equal("Bob's description", saved.DescriptionMarkdown);

        var again = await alice.SubmitAsync(stale, new Dictionary<string, string?> { ["Input.Description"] = "Alice's description" });

        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal("Alice's description", (await portal.WithDbAsync(db => db.Bodies.SingleAsync(b => b.Id == body.Id))).DescriptionMarkdown);
    }

    [Fact]
    public async Task Markdown_in_a_description_is_rendered_without_raw_html_or_unsafe_links()
    {
        var body = await BodyAsync(portal, description:
            "Hello <script>alert('pwned')</script> **bold**\n\n<img src=x onerror=alert(1)>\n\n[bad](javascript:alert(1)) [good](https://example.org/page) ![pic](https://example.org/x.png)");

        var page = await portal.Client().GetAsync($"/committees/{body.Slug}");

        var description = page.One("[data-testid=description]")!;
        Assert.Null(description.QuerySelector("script"));
        Assert.Null(description.QuerySelector("img"));
        Assert.Contains("<script>alert('pwned')</script>", description.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", description.TextContent, StringComparison.Ordinal);
        Assert.Equal("bold", description.QuerySelector("strong")?.TextContent);
        var links = description.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("good", "https://example.org/page")], links);
        Assert.Contains("bad", description.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert('pwned')", page.Html, StringComparison.Ordinal);
    }
}

public sealed class BodiesTests_Sqlite(SqlitePortal portal) : BodiesTests(portal), IClassFixture<SqlitePortal>;

public sealed class BodiesTests_Postgres(PostgresPortal portal) : BodiesTests(portal), IClassFixture<PostgresPortal>;

public sealed class BodiesTests_SqlServer(SqlServerPortal portal) : BodiesTests(portal), IClassFixture<SqlServerPortal>;

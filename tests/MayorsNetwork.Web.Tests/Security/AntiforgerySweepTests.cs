using System.Net;
using System.Reflection;
using AngleSharp.Html.Dom;
using MayorsNetwork.Web.Pages;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// Posts to every POST handler of every page without an antiforgery token, as a visitor the page lets
/// in: each must refuse with 400 and a message, and change nothing. The handlers are found by
/// reflection over the app's page models, so a new one is swept without being listed here.
/// </summary>
public abstract class AntiforgerySweepTests(PortalFixture portal)
{
    /// <summary>Pages that accept a POST without a token on purpose, and why.</summary>
    private static readonly Dictionary<Type, string> ExemptFromAntiforgery = new()
    {
        // The target of status code pages: a refused POST is re-executed as a POST and must render the
        // error page itself. It only renders; visited directly it says "Page not found".
        [typeof(ErrorModel)] = "renders the error page for re-executed requests",
    };

    /// <summary>Values that make a page's form plausible (the rest is what the page's own form holds).</summary>
    private static Dictionary<string, string?> PlausibleValues(string page, Visitors visitors) => page switch
    {
        "/Join/Index" => Applications.Valid(),
        "/Account/Login" => new() { ["Input.Email"] = visitors.ApplicantEmail, ["Input.Password"] = "not the password at all" },
        "/Account/ForgotPassword" or "/Account/ResendConfirmation" => new() { ["Input.Email"] = visitors.ApplicantEmail },
        "/Account/ResetPassword" => new()
        {
            ["Input.Email"] = visitors.ApplicantEmail, ["Input.Code"] = "CfDJ8-not-a-real-code",
            ["Input.Password"] = PortalFixture.Password + " new", ["Input.ConfirmPassword"] = PortalFixture.Password + " new",
        },
        "/Account/LoginWith2fa" or "/Account/TwoFactor" => new() { ["Input.Code"] = "123456" },
        // A passkey form as passkeys.js would post it (the credential is not a real one: the token check comes first).
        "/Account/Security" => new() { ["Input.PasskeyName"] = "Sweep key", ["Input.CredentialJson"] = "{\"id\":\"AAAA\",\"type\":\"public-key\"}" },
        "/Account/ChangePassword" => new()
        {
            ["Input.CurrentPassword"] = PortalFixture.Password, ["Input.NewPassword"] = PortalFixture.Password + " new", ["Input.ConfirmPassword"] = PortalFixture.Password + " new",
        },
        "/Staff/Applications/Detail" => new() { ["Input.Reason"] = "Rejected by the antiforgery sweep" },
        _ => [],
    };

    [Fact]
    public async Task Every_post_handler_without_a_token_is_refused_with_a_message_and_changes_nothing()
    {
        var visitors = await Visitors.OfAsync(portal);
        var handlers = await HandlersAsync();
        var failures = new List<string>();
        var swept = 0;

        foreach (var handler in handlers)
        {
            if (handler.Page is null)
            {
                failures.Add($"{handler}: a POST handler on a page model that no page routes to.");
                continue;
            }

            var rule = PageAccess.For(handler.Page.Page) ?? throw new InvalidOperationException($"{handler.Page.Page} has no declared access (see AuthorizationMatrixTests).");
            var url = handler.Page.Url(rule, visitors) ?? throw new InvalidOperationException($"{handler.Page.Page}: give its PageRule a SampleUrl.");
            if (handler.Name.Length > 0) url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler.Name;
            var posters = rule.Access switch
            {
                Access.Public => new[] { ("anonymous", visitors.Anonymous), ("applicant", visitors.Applicant) },
                Access.SignedIn => [("applicant", visitors.Applicant)],
                Access.Admin => [("admin", visitors.Admin)],
                _ => [("staff", visitors.Staff)],
            };

            foreach (var (who, client) in posters)
            {
                var body = await FormBodyAsync(client, handler.Page, rule, visitors);
                var before = await SnapshotAsync(visitors.ApplicationId);

                var result = await client.PostAsync(url, body);

                swept++;
                var after = await SnapshotAsync(visitors.ApplicationId);
                var heading = result.One("h1")?.TextContent.Trim();
                var exempt = ExemptFromAntiforgery.ContainsKey(handler.Model);
                if (!exempt && (result.Status != HttpStatusCode.BadRequest || heading != "Your form could not be accepted" || !result.Text.Contains("nothing was saved", StringComparison.Ordinal)))
                    failures.Add($"{handler} POST {url} as {who}: expected 400 \"Your form could not be accepted\", got {(int)result.Status} \"{heading}\"{(result.Location is { } l ? " to " + l : "")}");
                if (exempt && (result.Status != HttpStatusCode.NotFound || heading != "Page not found"))
                    failures.Add($"{handler} POST {url} as {who} (exempt: {ExemptFromAntiforgery[handler.Model]}): expected only the error page, got {(int)result.Status} \"{heading}\"");
                if (before != after)
                    failures.Add($"{handler} POST {url} as {who} changed the database: before {before}, after {after}");
            }
        }

        // Posting to the sign-out form without a token must not have signed the applicant out.
        var home = await visitors.Applicant.GetAsync("/account");
        if (home.Status != HttpStatusCode.OK) failures.Add($"The applicant is no longer signed in after the sweep: GET /account gave {(int)home.Status} {home.Location}");
        Assert.True(failures.Count == 0, "Antiforgery sweep:\n" + string.Join("\n", failures));
        Assert.True(swept >= handlers.Count, $"Swept {swept} posts for {handlers.Count} handlers.");
    }

    [Fact]
    public async Task The_sweep_finds_the_known_handlers_and_only_the_declared_page_ignores_the_token()
    {
        var handlers = await HandlersAsync();

        // A sample of handlers we know exist: if reflection finds none of these, the sweep proves nothing.
        Assert.Contains(handlers, h => h.Page?.Page == "/Join/Index" && h.Name == "");
        Assert.Contains(handlers, h => h.Page?.Page == "/Join/Index" && h.Name == "Quote");
        Assert.Contains(handlers, h => h.Page?.Page == "/Staff/Applications/Detail" && h.Name == "Approve");
        Assert.Contains(handlers, h => h.Page?.Page == "/Staff/Applications/Detail" && h.Name == "Reject");
        Assert.Contains(handlers, h => h.Page?.Page == "/Account/Logout" && h.Name == "");
        Assert.Contains(handlers, h => h.Page?.Page == "/Account/Login" && h.Name == "PasskeyOptions");
        Assert.Contains(handlers, h => h.Page?.Page == "/Account/Security" && h.Name == "PasskeyCreationOptions");
        Assert.Contains(handlers, h => h.Page?.Page == "/Account/Security" && h.Name == "RemovePasskey");
        Assert.Contains(handlers, h => h.Page?.Page == "/Account/ForgotPassword" && h.Name == "");
        Assert.Contains(handlers, h => h.Page?.Page == "/Account/ResendConfirmation" && h.Name == "");
        Assert.Contains(handlers, h => h.Page?.Page == "/Account/Invoices/References" && h.Name == "");
        var ignoring = typeof(ErrorModel).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)))
            .Where(t => t.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null
                        || t.GetMethods().Any(m => m.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is not null))
            .ToList();
        Assert.Equal(ExemptFromAntiforgery.Keys.OrderBy(t => t.FullName), ignoring.OrderBy(t => t.FullName));
    }

    /// <summary>Every OnPost* method of every page model in the app, with the page that routes to it.</summary>
    private async Task<List<PostHandler>> HandlersAsync()
    {
        var pages = await PageAccess.DiscoverAsync(portal);
        return typeof(ErrorModel).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(PageModel)))
            // Inherited handlers count too (EmailLinkPageModel's post serves two pages); the framework's own do not.
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) && m.DeclaringType!.Assembly == typeof(ErrorModel).Assembly)
                .Select(m => new PostHandler(t, HandlerName(m.Name),
                    pages.FirstOrDefault(p => p.Descriptor.ModelTypeInfo == t || p.Descriptor.HandlerTypeInfo == t))))
            .DistinctBy(h => (h.Model, h.Name))
            .OrderBy(h => h.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    private static string HandlerName(string method)
    {
        var name = method["OnPost".Length..];
        return name.EndsWith("Async", StringComparison.Ordinal) ? name[..^"Async".Length] : name;
    }

    /// <summary>The fields of the page's own forms as this visitor sees them, plus plausible values; never the token.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FormBodyAsync(PortalClient client, AppPage page, PageRule rule, Visitors visitors)
    {
        var fields = new Dictionary<string, string>();
        var url = page.Url(rule, visitors)!;
        var shown = await client.GetAsync(url);
        foreach (var form in shown.Document.QuerySelectorAll("main form").OfType<IHtmlFormElement>())
        {
            foreach (var element in form.Elements)
            {
                var name = element.GetAttribute("name");
                if (string.IsNullOrEmpty(name)) continue;
                var value = element switch
                {
                    IHtmlInputElement { Type: "checkbox" or "radio" } i => i.IsChecked ? i.Value : null,
                    IHtmlInputElement { Type: "submit" or "button" } => null,
                    IHtmlInputElement i => i.Value,
                    IHtmlSelectElement s => s.Value,
                    IHtmlTextAreaElement a => a.Value,
                    _ => null,
                };
                if (value is not null) fields.TryAdd(name, value);
            }
        }

        foreach (var (name, value) in PlausibleValues(page.Page, visitors))
        {
            if (value is not null) fields[name] = value;
        }

        fields.Remove("__RequestVerificationToken");
        return fields.ToList();
    }

    private async Task<Snapshot> SnapshotAsync(int applicationId) => await portal.WithDbAsync(async db => new Snapshot(
        await db.Users.CountAsync(),
        await db.Governments.CountAsync(),
        await db.Memberships.CountAsync(),
        await db.MembershipStatusChanges.CountAsync(),
        await db.DuesSchedules.CountAsync(),
        await db.OutboxMessages.CountAsync(),
        await db.UserPasskeys.CountAsync(),
        // Any change to any account (sign-in failures counted, password, 2FA) changes its concurrency stamp.
        string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.ConcurrencyStamp).ToListAsync()).GetHashCode(StringComparison.Ordinal),
        (await db.Memberships.Where(m => m.Id == applicationId).Select(m => new { m.Status, m.Version }).SingleAsync()).ToString()!));

    private sealed record Snapshot(int Users, int Governments, int Memberships, int StatusChanges, int DuesSchedules, int OutboxMessages, int Passkeys, int AccountStamps, string Application);

    private sealed record PostHandler(Type Model, string Name, AppPage? Page)
    {
        public override string ToString() => $"{Model.Name}.OnPost{Name} ({Page?.Page ?? "no route"})";
    }
}

public sealed class AntiforgerySweepTests_Sqlite(SqlitePortal portal) : AntiforgerySweepTests(portal), IClassFixture<SqlitePortal>;

public sealed class AntiforgerySweepTests_Postgres(PostgresPortal portal) : AntiforgerySweepTests(portal), IClassFixture<PostgresPortal>;

public sealed class AntiforgerySweepTests_SqlServer(SqlServerPortal portal) : AntiforgerySweepTests(portal), IClassFixture<SqlServerPortal>;

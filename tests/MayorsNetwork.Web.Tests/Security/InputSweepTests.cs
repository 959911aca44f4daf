using System.Net;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Security;

/// <summary>
/// Issue 11, defect 9: an outside scanner got 500s by posting NUL into anonymous forms. This sweep finds every form an
/// anonymous visitor is shown (it opens every public page of <see cref="PageAccess"/> and reads each POST form and
/// each button with its own form action, so a new form is swept without being listed here), then posts into each
/// field in turn a NUL, a lone surrogate, a 1 MB value and a right-to-left override. Each answer is the page with a
/// message about that field, never a 500, and nothing is stored.
/// </summary>
public abstract class InputSweepTests(PortalFixture portal)
{
    /// <summary>
    /// The bad values, URL-encoded. A lone surrogate cannot be written as UTF-8: .NET's encoder (as a browser does) sends
    /// it as U+FFFD, which is what the portal then refuses. (Its raw WTF-8 bytes, %ED%A0%80, are not decoded by the
    /// form reader at all: they arrive as those nine harmless characters.)
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Encoded, string Message)> BadValues =
    [
        ("NUL", "Spring%00field", "invisible control character"),
        ("lone surrogate", Uri.EscapeDataString("Spring\uD800field"), "could not be read"),
        ("1 MB value", new string('x', 1 << 20), "is too long"),
        ("right-to-left override", "Spring%E2%80%AEfield", "changes the direction of the text"),
    ];

    /// <summary>Valid values for fields whose form would otherwise be refused for being empty, so the bad value is the only thing wrong.</summary>
    private static Dictionary<string, string> Plausible(string email)
    {
        var values = Applications.Valid().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!);
        values["Input.Email"] = email;
        values["Input.Code"] = "CfDJ8-not-a-real-code";
        values["Input.ConfirmPassword"] = values["Input.Password"];
        return values;
    }

    [Fact]
    public async Task The_sweep_finds_every_known_anonymous_form()
    {
        var forms = await AnonymousFormsAsync(portal.Client());

        string[] known = ["/join", "/join?handler=quote", "/account/login", "/account/login?handler=passkey", "/account/forgotpassword", "/account/resendconfirmation", "/account/resetpassword"];
        foreach (var action in known)
            Assert.True(forms.Any(f => f.Action.Equals(action, StringComparison.OrdinalIgnoreCase) && f.Fields.Count > 0), $"The sweep did not find the form posting to {action}; found: {string.Join(", ", forms.Select(f => f.Action))}");
        Assert.Contains(forms, f => f.Action.Equals("/join", StringComparison.OrdinalIgnoreCase) && f.Fields.Any(x => x.Key == "Input.Name") && f.Fields.Any(x => x.Key == "Input.BillingAddress"));
    }

    [Fact]
    public async Task Every_field_of_every_anonymous_form_refuses_NUL_a_lone_surrogate_1_MB_and_a_direction_override_with_a_message_and_stores_nothing()
    {
        var visitors = await Visitors.OfAsync(portal);
        var client = portal.Client();
        var forms = await AnonymousFormsAsync(client);
        var values = Plausible(visitors.ApplicantEmail);
        var before = await CountsAsync();
        var failures = new List<string>();
        var posts = 0;

        foreach (var form in forms)
        {
            foreach (var field in form.Fields.Select(f => f.Key).Where(k => k != "__RequestVerificationToken").Distinct())
            {
                foreach (var (name, encoded, message) in BadValues)
                {
                    var body = string.Join("&", form.Fields.Select(f =>
                        Uri.EscapeDataString(f.Key) + "=" + (f.Key == field ? encoded : Uri.EscapeDataString(values.GetValueOrDefault(f.Key) is { } v && f.Value.Length == 0 ? v : f.Value))));
                    using var content = FormBody(body);
                    var response = await client.Http.PostAsync(form.Action, content);
                    var page = await PageOfAsync(response);
                    posts++;
                    var errors = page.Errors;
                    if ((int)page.Status >= 500)
                        failures.Add($"{form.Action} {field} with {name}: {(int)page.Status}");
                    else if (page.Status != HttpStatusCode.OK || !errors.Any(e => e.Contains(message, StringComparison.Ordinal)))
                        failures.Add($"{form.Action} {field} with {name}: {(int)page.Status} {page.Location}, errors: [{string.Join(" | ", errors)}]");
                }
            }
        }

        var after = await CountsAsync();
        Assert.True(failures.Count == 0, $"{failures.Count} of {posts} posts went wrong:\n" + string.Join("\n", failures));
        Assert.Equal(before, after);
        Assert.True(posts >= 4 * 25, $"Only {posts} posts: the sweep found too few fields.");
    }

    [Fact]
    public async Task NUL_in_the_sign_in_return_address_from_the_form_or_the_query_is_a_message_not_a_500()
    {
        var client = portal.Client();
        var login = await client.GetAsync("/account/login?returnUrl=%00");
        Assert.Equal(HttpStatusCode.OK, login.Status);

        var token = login.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var body = $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Email=nobody%40example.org&Input.Password=x&ReturnUrl=%2Faccount%00";
        using var content = FormBody(body);
        var posted = await PageOfAsync(await client.Http.PostAsync("/account/login?returnUrl=%00", content));

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains(posted.Errors, e => e.StartsWith("Return url contains an invisible control character", StringComparison.Ordinal));
        Assert.Equal("Sign in", posted.One("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_form_bigger_than_the_server_takes_gets_a_clear_page_not_a_500()
    {
        var client = portal.Client();
        var join = await client.GetAsync("/join");
        var token = join.One("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        // Over the 4 MB a form value may have (FormOptions.ValueLengthLimit).
        var body = $"__RequestVerificationToken={Uri.EscapeDataString(token)}&Input.Name={new string('x', 5 << 20)}";
        var before = await CountsAsync();

        using var content = FormBody(body);
        var page = await PageOfAsync(await client.Http.PostAsync("/join", content));

        Assert.True(page.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"Got {(int)page.Status}: {page.Text[..Math.Min(300, page.Text.Length)]}");
        Assert.Equal("Your form is too large", page.One("h1")?.TextContent.Trim());
        Assert.Contains("nothing was saved", page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_search_for_NUL_shows_the_directory_with_a_message()
    {
        var page = await portal.Client().GetAsync("/members?q=%00");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Member directory", page.One("h1")?.TextContent.Trim());
        Assert.Contains(page.Errors, e => e.Contains("invisible control character", StringComparison.Ordinal));
    }

    /// <summary>One form as a browser would send it: the address it posts to (a button's own formaction counts as another form) and its fields.</summary>
    public sealed record SweptForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields);

    /// <summary>Every POST form on every public page an anonymous visitor can open.</summary>
    public async Task<List<SweptForm>> AnonymousFormsAsync(PortalClient client)
    {
        var visitors = await Visitors.OfAsync(portal);
        var pages = await PageAccess.DiscoverAsync(portal);
        var forms = new List<SweptForm>();
        foreach (var rule in PageAccess.Pages.Where(r => r.Access == Access.Public))
        {
            var app = pages.FirstOrDefault(p => p.Page == rule.Page);
            if (app?.Url(rule, visitors) is not { } url) continue;
            var page = await client.GetAsync(url);
            if (page.Status != HttpStatusCode.OK) continue;
            foreach (var form in page.Document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
                         .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                var fields = FieldsOf(form);
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(url, UriKind.Relative).OriginalString;
                forms.Add(new SweptForm(action, fields));
                foreach (var button in form.QuerySelectorAll("[formaction]"))
                    forms.Add(new SweptForm(button.GetAttribute("formaction")!, fields));
            }
        }

        return forms.DistinctBy(f => f.Action.ToLowerInvariant()).ToList();
    }

    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            var value = element switch
            {
                IHtmlInputElement { Type: "submit" or "button" } => null,
                IHtmlInputElement { Type: "checkbox" or "radio" } i => i.Value,
                IHtmlInputElement i => i.Value,
                IHtmlSelectElement s => s.Value ?? "",
                IHtmlTextAreaElement t => t.Value,
                _ => null,
            };
            if (value is not null && fields.All(f => f.Key != name)) fields.Add(new(name, value));
        }

        return fields;
    }

    /// <summary>A form body as a browser sends it: UTF-8 percent-encoded, with no charset named (StringContent would say us-ascii).</summary>
    private static ByteArrayContent FormBody(string encoded)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(encoded));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static async Task<PageResult> PageOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = AngleSharp.BrowsingContext.New(AngleSharp.Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/"));
        return new PageResult(response.StatusCode, response, document, html);
    }

    private Task<string> CountsAsync() => portal.WithDbAsync(async db =>
        $"users {await db.Users.CountAsync()}, governments {await db.Governments.CountAsync()}, memberships {await db.Memberships.CountAsync()}, outbox {await db.OutboxMessages.CountAsync()}, "
        + $"accounts {string.Join(",", await db.Users.OrderBy(u => u.Id).Select(u => u.ConcurrencyStamp).ToListAsync()).GetHashCode(StringComparison.Ordinal)}");
}

public sealed class InputSweepTests_Sqlite(SqlitePortal portal) : InputSweepTests(portal), IClassFixture<SqlitePortal>;

public sealed class InputSweepTests_Postgres(PostgresPortal portal) : InputSweepTests(portal), IClassFixture<PostgresPortal>;

public sealed class InputSweepTests_SqlServer(SqlServerPortal portal) : InputSweepTests(portal), IClassFixture<SqlServerPortal>;

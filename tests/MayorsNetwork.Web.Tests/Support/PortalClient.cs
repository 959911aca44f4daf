using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>A page as the browser got it: status, headers and the parsed document.</summary>
public sealed record PageResult(HttpStatusCode Status, HttpResponseMessage Response, IDocument Document, string Html)
{
    public string? Location => Response.Headers.Location?.OriginalString;

    /// <summary>The visible text of the main content, whitespace collapsed.</summary>
    public string Text => System.Text.RegularExpressions.Regex.Replace((Document.QuerySelector("main") ?? Document.Body!)?.TextContent ?? "", @"\s+", " ").Trim();

    public IElement? One(string selector) => Document.QuerySelector(selector);

    public IReadOnlyList<string> Errors =>
        Document.QuerySelectorAll(".usa-error-message, .usa-alert--error li, .usa-alert--error .usa-alert__text").Select(e => e.TextContent.Trim()).ToList();
}

/// <summary>
/// Uses the portal as a browser would: fetches a page, fills its form (keeping the hidden antiforgery
/// token) and submits it, with the cookies the server set.
/// </summary>
public sealed class PortalClient(HttpClient http, PortalFixture portal)
{
    public HttpClient Http { get; } = http;

    public PortalFixture Portal { get; } = portal;

    public async Task<PageResult> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        return await ReadAsync(response);
    }

    /// <summary>GET, following redirects within the site.</summary>
    public async Task<PageResult> GetFollowingAsync(string url)
    {
        var page = await GetAsync(url);
        for (var i = 0; i < 5 && page.Location is { } next && (int)page.Status is >= 300 and < 400; i++) page = await GetAsync(next);
        return page;
    }

    /// <summary>Fills the form of a page and submits it, as pressing its (or the given) submit button would.</summary>
    public async Task<PageResult> SubmitAsync(PageResult page, IDictionary<string, string?> values, string formSelector = "main form", string? submitSelector = null)
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on the page: {page.Text[..Math.Min(300, page.Text.Length)]}");
        var fields = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>();
        foreach (var (name, value) in values)
        {
            if (value is not null) fields.Add(new(name, value));
            seen.Add(name);
        }

        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || seen.Contains(name)) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
            }
        }

        var submitter = submitSelector is null ? null : form.QuerySelector(submitSelector) ?? throw new InvalidOperationException($"No button '{submitSelector}'");
        var action = submitter?.GetAttribute("formaction") ?? form.GetAttribute("action");
        if (string.IsNullOrEmpty(action)) action = page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        return await PostAsync(action, fields);
    }

    public async Task<PageResult> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await Http.PostAsync(url, content);
        return await ReadAsync(response);
    }

    /// <summary>Posts any content (a multipart form with a file, say) and reads the answer as a page.</summary>
    public async Task<PageResult> PostAsync(string url, HttpContent content)
    {
        var response = await Http.PostAsync(url, content);
        return await ReadAsync(response);
    }

    /// <summary>GETs the form page, fills it and submits it.</summary>
    public async Task<PageResult> SubmitFormAsync(string url, IDictionary<string, string?> values, string formSelector = "main form", string? submitSelector = null) =>
        await SubmitAsync(await GetAsync(url), values, formSelector, submitSelector);

    public async Task SignInAsync(string email, string password)
    {
        var result = await SubmitFormAsync("/account/login", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(result.Status == HttpStatusCode.Redirect, $"Sign-in of {email} failed: {string.Join(" ", result.Errors)}");
    }

    /// <summary>Signs in with the password, then with the code an authenticator app holding <paramref name="key"/> shows now.</summary>
    public async Task SignInWithCodeAsync(string email, string password, string key)
    {
        var first = await SubmitFormAsync("/account/login", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(first.Location?.StartsWith("/account/loginwith2fa", StringComparison.Ordinal) == true, $"Sign-in of {email} did not ask for a code: {string.Join(" ", first.Errors)}");
        var second = await SubmitFormAsync(first.Location!, new Dictionary<string, string?> { ["Input.Code"] = Totp.Now(key) });
        Assert.True(second.Status == HttpStatusCode.Redirect, $"The code for {email} was refused: {string.Join(" ", second.Errors)}");
    }

    private static async Task<PageResult> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "https://localhost/"));
        return new PageResult(response.StatusCode, response, document, html);
    }
}

using AngleSharp;
using AngleSharp.Html.Dom;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.MultiInstance;

/// <summary>
/// One person's browser in front of several portal instances, as behind a load balancer: one cookie jar for
/// the site whichever instance answers. The test plays the TLS-terminating proxy too: it sends
/// X-Forwarded-Proto https (and a client address in X-Forwarded-For), which the instances believe because
/// they are configured to trust 127.0.0.1 as their proxy; so their Secure cookies work as in production.
/// </summary>
public sealed class Browser(string clientAddress = "203.0.113.10") : IDisposable
{

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public async Task<PageResult> GetAsync(PortalProcess instance, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance.Address, path));
        return await SendAsync(request);
    }

    /// <summary>GET, following redirects on the same instance.</summary>
    public async Task<PageResult> GetFollowingAsync(PortalProcess instance, string path)
    {
        var page = await GetAsync(instance, path);
        for (var i = 0; i < 5 && page.Location is { } next && (int)page.Status is >= 300 and < 400; i++) page = await GetAsync(instance, next);
        return page;
    }

    /// <summary>
    /// Fills a form of a page (which any instance may have served) and submits it to the given instance, with
    /// the page's hidden antiforgery token and this browser's cookies.
    /// </summary>
    public async Task<PageResult> SubmitAsync(PortalProcess instance, PageResult page, IDictionary<string, string?> values, string formSelector = "main form")
    {
        var form = page.Document.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on the page: {page.Text[..Math.Min(300, page.Text.Length)]}");
        var fields = values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Key, v.Value!)).ToList();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name)) continue;
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

        var action = form.GetAttribute("action");
        if (string.IsNullOrEmpty(action)) action = page.Response.RequestMessage!.RequestUri!.PathAndQuery;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.Address, action)) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    public async Task SignInAsync(PortalProcess instance, string email, string password)
    {
        var page = await GetAsync(instance, "/account/login");
        var result = await SubmitAsync(instance, page, new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(result.Status == System.Net.HttpStatusCode.Redirect, $"Sign-in of {email} on {instance.Name} failed: {result.Status} {string.Join(" ", result.Errors)}");
    }

    /// <summary>
    /// Turns on two-step verification for the signed-in account on <paramref name="instance"/> (set up a key, then
    /// a current code), as staff must before a staff page opens; returns the key.
    /// </summary>
    public async Task<string> EnrolInTwoFactorAsync(PortalProcess instance)
    {
        await SubmitAsync(instance, await GetAsync(instance, "/account/twofactor"), new Dictionary<string, string?>());
        var page = await GetAsync(instance, "/account/twofactor");
        var key = page.One("[data-testid=shared-key]")?.TextContent ?? throw new InvalidOperationException($"No key to set up on {instance.Name}: {page.Text}");
        var on = await SubmitAsync(instance, page, new Dictionary<string, string?> { ["Input.Code"] = Totp.Now(key) });
        Assert.True(on.One("[data-testid=two-factor-state]")?.TextContent.Contains("is on", StringComparison.Ordinal) == true, $"Two-step verification not turned on at {instance.Name}: {string.Join(" ", on.Errors)}");
        return key;
    }

    private async Task<PageResult> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", clientAddress);
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies) Remember(header);
        }

        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(request.RequestUri!.ToString()));
        return new PageResult(response.StatusCode, response, document, html);
    }

    /// <summary>Keeps a cookie, or forgets it when the server expires it.</summary>
    private void Remember(string setCookie)
    {
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var separator = parts[0].IndexOf('=', StringComparison.Ordinal);
        var name = parts[0][..separator];
        var value = parts[0][(separator + 1)..];
        var expired = parts.Skip(1).Any(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
                                             && DateTimeOffset.TryParse(p[8..], System.Globalization.CultureInfo.InvariantCulture, out var at) && at < DateTimeOffset.UtcNow);
        if (expired || value.Length == 0) _cookies.Remove(name);
        else _cookies[name] = value;
    }

    public void Dispose() => _http.Dispose();
}

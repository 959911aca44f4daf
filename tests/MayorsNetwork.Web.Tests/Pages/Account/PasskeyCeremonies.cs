using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Pages.Account;

/// <summary>
/// Adding a passkey and signing in with one over HTTP, as passkeys.js does in a browser: fetch the options with the
/// form's antiforgery token, let the authenticator answer, post its JSON with the form.
/// </summary>
public static class PasskeyCeremonies
{
    /// <summary>The test client's origin (its base address); the clientData of each answer names it too.</summary>
    public const string Origin = "https://localhost";

    public const string CreateForm = "form[data-passkey=create]";

    public const string RequestForm = "form[data-passkey=request]";

    /// <summary>
    /// Browsers send Origin with every POST; Identity checks a passkey's origin against it, so the test client sends
    /// it too.
    /// </summary>
    public static PortalClient WithOrigin(this PortalClient client)
    {
        if (!client.Http.DefaultRequestHeaders.Contains("Origin")) client.Http.DefaultRequestHeaders.Add("Origin", Origin);
        return client;
    }

    /// <summary>POSTs to the form's options address with the form's own token, as passkeys.js does; returns the JSON.</summary>
    public static async Task<string> OptionsAsync(PortalClient client, PageResult page, string formSelector)
    {
        var form = page.One(formSelector) ?? throw new InvalidOperationException($"No passkey form '{formSelector}': {page.Text[..Math.Min(200, page.Text.Length)]}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var response = await client.Http.PostAsync(form.GetAttribute("data-options-url"), body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Adds <paramref name="key"/> on the Security page under <paramref name="name"/>; returns the page's answer.</summary>
    public static async Task<PageResult> AddAsync(PortalClient client, SoftwarePasskey key, string name)
    {
        client.WithOrigin();
        var page = await client.GetAsync("/account/security");
        var options = await OptionsAsync(client, page, CreateForm);
        return await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.PasskeyName"] = name, ["Input.CredentialJson"] = key.Create(options) }, CreateForm);
    }

    /// <summary>Signs in with <paramref name="key"/> on the sign-in page; returns the page's answer.</summary>
    public static async Task<PageResult> SignInAsync(PortalClient client, SoftwarePasskey key, string? returnUrl = null, bool forgeSignature = false)
    {
        client.WithOrigin();
        var page = await client.GetAsync("/account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)));
        var options = await OptionsAsync(client, page, RequestForm);
        return await client.SubmitAsync(page, new Dictionary<string, string?> { ["Input.CredentialJson"] = key.Get(options, forgeSignature) }, RequestForm);
    }
}

using MayorsNetwork.BrowserTests.Support;
using MayorsNetwork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Account;

/// <summary>
/// Issue 11, passkeys, in Chromium with its virtual authenticator (DevTools WebAuthn domain: CTAP2, internal, resident
/// keys, user verification): our passkeys.js carries the options and credentials between the portal and
/// navigator.credentials. A member adds a passkey, signs out, signs in with it, removes it, and it then no longer
/// signs in.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasskeysInTheBrowserTests(BrowserPortal portal, ITestOutputHelper output)
{
    [Fact]
    public async Task A_member_adds_a_passkey_signs_out_signs_in_with_it_removes_it_and_it_then_no_longer_signs_in()
    {
        var email = await CreateMemberAsync("Vera Virtual");
        var page = await portal.NewPageAsync(baseUrl: portal.LocalhostUrl);
        await using var context = page.Context;
        await AddVirtualAuthenticatorAsync(page);

        await BrowserPortal.SignInAsync(page, email);
        await page.GotoAsync("/account/security");
        await Expect(page.GetByTestId("no-passkeys")).ToHaveTextAsync("You have no passkeys.");
        await page.GetByLabel("Name for the passkey").FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Passkey \u201cTest laptop\u201d added.");
        await Expect(page.GetByTestId("passkey-name")).ToHaveTextAsync("Test laptop");
        await Expect(page.GetByTestId("passkey-created")).ToHaveTextAsync(DateTime.UtcNow.ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserPortal.ScreenshotAsync(page, "account-security-passkey");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        await SignOutAsync(page);
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/account", StringComparison.OrdinalIgnoreCase));
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Welcome, Vera Virtual");

        await page.GotoAsync("/account/security");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Test laptop" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Passkey \u201cTest laptop\u201d removed.");
        await Expect(page.GetByTestId("no-passkeys")).ToBeVisibleAsync();

        // The authenticator still holds the credential and offers it; the portal no longer accepts it.
        await SignOutAsync(page);
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That passkey did not sign you in.");
        await page.GotoAsync("/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
    }

    /// <summary>Chromium's virtual authenticator for this page: a platform passkey provider that verifies the user.</summary>
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // The address changing is what says the sign-out went through; waiting for the next page's load event too made
        // the test time out when the machine was busy (the page's own checks come after, with their own waits).
        await page.WaitForURLAsync(url => !url.EndsWith("/account", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.Commit });
    }

    private async Task<string> CreateMemberAsync(string name)
    {
        var email = $"member-{Guid.NewGuid():N}@city.example.gov";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var created = await users.CreateAsync(new PortalUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name }, BrowserPortal.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return email;
    }
}

using MayorsNetwork.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MayorsNetwork.BrowserTests.Pages.Join;

[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserPortal portal)
{
    // The elements that reach past the right edge of the screen, innermost first, to say what to fix.
    private const string WiderThanScreen = """
        () => Array.from(document.querySelectorAll('body *'))
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5))
          .slice(0, 10)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
                    + ' "' + (e.textContent || '').trim().slice(0, 40) + '" right=' + Math.round(e.getBoundingClientRect().right))
        """;

    [Fact]
    public async Task The_application_form_fits_a_phone_screen_without_scrolling_sideways()
    {
        var page = await portal.NewPageAsync(width: 390, height: 844);
        await using var context = page.Context;

        await page.GotoAsync("/join");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit application" })).ToBeVisibleAsync();
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        await BrowserPortal.ScreenshotAsync(page, "join-phone");

        Assert.Equal(390, widths[1]);
        if (widths[0] > widths[1])
        {
            var culprits = await page.EvaluateAsync<string[]>(WiderThanScreen);
            Assert.Fail($"The page is {widths[0]}px wide on a {widths[1]}px screen, so it scrolls sideways. Too wide: {string.Join("; ", culprits)}");
        }
    }
}

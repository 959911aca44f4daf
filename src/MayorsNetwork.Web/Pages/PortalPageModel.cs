namespace MayorsNetwork.Web.Pages;

/// <summary>
/// The base of every page model. <see cref="StatusMessage"/> is the one-line confirmation the layout shows once,
/// on the page a handler redirects to ("Referred to the Committee on Energy."): set it, then
/// <c>RedirectToPage</c>. A page that re-renders itself says what happened in its own markup instead, since a
/// message set before <c>return Page()</c> would be kept for the next request and shown twice.
/// </summary>
public abstract class PortalPageModel : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }
}

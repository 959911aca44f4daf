namespace MayorsNetwork.Web.Services;

/// <summary>
/// The one place that builds the links put into emails (confirmation, reset, invoices, reminders, invitations).
/// The host comes from <c>Membership:PublicUrl</c>, never from the request: a forged Host header must not turn a
/// password reset link into one that hands its token to someone else. Paths come from the routes, as on the pages.
/// </summary>
public sealed class PortalLinks(IOptions<MembershipOptions> options, LinkGenerator routes)
{
    public PortalLink Home() => Page("/Index");

    public PortalLink Account() => Page("/Account/Index");

    public PortalLink AccountInvoices() => Page("/Account/Invoices/Index");

    public PortalLink ConfirmEmail(string userId, string code) => Page("/Account/ConfirmEmail", new { userId, code });

    public PortalLink ResetPassword(string email, string code) => Page("/Account/ResetPassword", new { email, code });

    public PortalLink Resolution(int id) => Page("/Resolutions/Detail", new { id });

    /// <summary>Any page, with its route values (as <c>asp-page</c> and <c>asp-route-*</c> would link to it).</summary>
    public PortalLink Page(string page, object? values = null)
    {
        var root = PublicRoot;
        var path = routes.GetPathByPage(page, handler: null, values, pathBase: new PathString(root.AbsolutePath.TrimEnd('/')))
                   ?? throw new InvalidOperationException($"No route to the page {page} with the values given.");
        return new PortalLink(new Uri(root, path));
    }

    private Uri PublicRoot => new(options.Value.PublicUrl.TrimEnd('/') + "/", UriKind.Absolute);
}

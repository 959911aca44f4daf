namespace MayorsNetwork.Web.Services;

/// <summary>
/// An absolute address on the portal, built by <see cref="PortalLinks"/> from <c>Membership:PublicUrl</c> only. Emails
/// link to nothing else: the constructor is internal so that no request's Host header and no user text becomes one.
/// </summary>
public sealed class PortalLink
{
    internal PortalLink(Uri url) => Url = url.AbsoluteUri;

    public string Url { get; }

    public override string ToString() => Url;
}

namespace MayorsNetwork.Web.Services;

/// <summary>
/// One paragraph of an email: plain text, which is never turned into a link (it may hold what users typed, such as a
/// government's name), and at most one link to the portal, which comes after it.
/// </summary>
public sealed record EmailParagraph(string Text, PortalLink? Link = null)
{
    public static implicit operator EmailParagraph(string text) => new(text);
}

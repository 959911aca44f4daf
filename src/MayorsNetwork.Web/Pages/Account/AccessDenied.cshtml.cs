namespace MayorsNetwork.Web.Pages.Account;

[AllowAnonymous]
public sealed class AccessDeniedModel : PortalPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
